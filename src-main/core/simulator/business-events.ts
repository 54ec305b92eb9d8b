/**
 * Provider-neutral events of the simulated contact center. Every provider format renders from
 * these, so the same call looks consistent on the Dialpad, VoIPBin and Opentact sockets.
 * Snapshots are immutable copies: a frame may be rendered later (delay faults) than it happened.
 */

export type AgentStatus = 'available' | 'occupied' | 'wrapup' | 'unavailable' | 'busy';
export const AGENT_STATUSES: readonly AgentStatus[] = ['available', 'occupied', 'wrapup', 'unavailable', 'busy'];

export interface Queue {
  /** Dialpad-style 64-bit-looking id. */
  id: string;
  /** For providers that key by UUID (VoIPBin, Opentact). */
  uuid: string;
  name: string;
  number: string;
}

export interface Agent {
  id: string;
  uuid: string;
  name: string;
  email: string;
  phone: string;
  queueIds: readonly string[];
}

export interface Contact {
  id: string;
  name: string;
  phone: string;
}

/** States a live call can be in (ground truth counts these); a caller leaving a voicemail is still on the line. */
export type LiveCallState = 'calling' | 'ringing' | 'queued' | 'connected' | 'hold' | 'voicemail';
/** Every state a call event can carry: live states, endings, and the late post-call states. */
export type CallState =
  | LiveCallState
  | 'missed'
  | 'hangup'
  | 'postcall'
  | 'recording'
  | 'transcription'
  | 'voicemail_uploaded';
export const LIVE_CALL_STATES: readonly LiveCallState[] = ['calling', 'ringing', 'queued', 'connected', 'hold', 'voicemail'];

export type CallOutcome = 'answered' | 'abandoned' | 'voicemail' | 'no_answer' | 'transferred';
export type Direction = 'inbound' | 'outbound';

export interface CallSnapshot {
  id: string;
  uuid: string;
  /** Null on an unlinked transfer leg (providers do not always link them). */
  masterId: string | null;
  entryPointId: string | null;
  direction: Direction;
  state: CallState;
  externalNumber: string;
  internalNumber: string;
  contact: Contact;
  queue: Queue | null;
  agent: Agent | null;
  startedAt: number;
  rangAt: number | null;
  connectedAt: number | null;
  endedAt: number | null;
  outcome: CallOutcome | null;
  isTransferred: boolean;
  wasRecorded: boolean;
}

export interface SmsMessage {
  id: string;
  uuid: string;
  direction: Direction;
  fromNumber: string;
  toNumber: string;
  text: string;
  agent: Agent;
  contact: Contact;
  createdAt: number;
}

interface EventBase {
  /** Monotonic per contact center: a stable identity for dedupe and counters. */
  seq: number;
  /** Simulated wall clock, ms since epoch. */
  at: number;
}

export interface CallEvent extends EventBase {
  kind: 'call';
  call: CallSnapshot;
}

export interface AgentStatusEvent extends EventBase {
  kind: 'agent_status';
  agent: Agent;
  status: AgentStatus;
  previous: AgentStatus;
  reason: string;
}

export interface SmsEvent extends EventBase {
  kind: 'sms';
  sms: SmsMessage;
}

export type BusinessEvent = CallEvent | AgentStatusEvent | SmsEvent;

export interface GroundTruthCall {
  id: string;
  state: LiveCallState;
  direction: Direction;
  queueId: string | null;
  agentId: string | null;
  startedAt: number;
}

export interface GroundTruthWaiting {
  callId: string;
  queueId: string;
  queuedAt: number;
}

export interface GroundTruthAgent {
  id: string;
  name: string;
  email: string;
  status: AgentStatus;
  since: number;
  callId: string | null;
}

/** What the simulated contact center looks like right now: the reference tests compare against. */
export interface GroundTruth {
  at: number;
  liveCalls: GroundTruthCall[];
  callsByState: Record<LiveCallState, number>;
  waiting: GroundTruthWaiting[];
  agents: GroundTruthAgent[];
  agentsByStatus: Record<AgentStatus, number>;
  queues: Queue[];
  eventsGenerated: number;
}
