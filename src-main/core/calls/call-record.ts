import type { BoardCall, BoardCallOutcome, BoardCallState, MonitorEvent, ProviderId } from '../api';
import type { CallFact } from './facts';

/** One leg while the board holds it: the shown fields plus the history an outcome is read from. */
export interface CallRecord
  extends Pick<
    BoardCall,
    | 'key'
    | 'provider'
    | 'callId'
    | 'phase'
    | 'state'
    | 'providerState'
    | 'direction'
    | 'externalNumber'
    | 'contactName'
    | 'agent'
    | 'queue'
    | 'startedAt'
    | 'stateSince'
    | 'waitingSince'
    | 'answeredAt'
    | 'endedAt'
    | 'transferred'
    | 'missedCount'
    | 'afterCall'
    | 'eventCount'
  > {
  /** Time of the newest fact applied: an older one arriving late only adds evidence. */
  latestAt: number;
  /** Local clock when the hangup arrived: how long an ended call stays is measured from it. */
  endedReceivedAt: number | null;
  outcomeSaid: BoardCallOutcome | null;
  voicemailSeen: boolean;
  leftQueue: boolean;
  stateSeq: number;
  lastSeq: number;
  lastEventReceivedAt: number;
}

export function callKey(provider: ProviderId, callId: string): string {
  return `${provider}:${callId}`;
}

/** A call is created by what can begin or end one; post-call facts about an unknown call are ignored. */
export function startsCall(fact: CallFact): boolean {
  return fact.step.kind === 'state' || fact.step.kind === 'missed' || fact.step.kind === 'ended';
}

export function createCall(event: MonitorEvent, fact: CallFact): CallRecord {
  const firstState: BoardCallState =
    fact.step.kind === 'state' ? fact.step.state : fact.direction === 'outbound' ? 'calling' : 'ringing';
  return {
    key: callKey(event.provider, fact.callId),
    provider: event.provider,
    callId: fact.callId,
    phase: 'live',
    state: firstState,
    providerState: fact.providerState,
    latestAt: fact.at,
    direction: null,
    externalNumber: null,
    contactName: null,
    agent: null,
    queue: null,
    startedAt: fact.startedAt ?? fact.at,
    stateSince: fact.at,
    waitingSince: null,
    answeredAt: null,
    endedAt: null,
    endedReceivedAt: null,
    outcomeSaid: null,
    voicemailSeen: false,
    leftQueue: false,
    transferred: false,
    missedCount: 0,
    afterCall: [],
    eventCount: 0,
    stateSeq: event.seq,
    lastSeq: event.seq,
    lastEventReceivedAt: event.receivedAt,
  };
}

/**
 * Applies one fact. Facts may come twice, out of order, or after hangup: an ended call never
 * comes back to life, and a fact older than the newest one applied adds evidence (answered at,
 * started at) without moving the state back.
 */
export function applyCallFact(call: CallRecord, fact: CallFact, event: MonitorEvent): void {
  call.eventCount += 1;
  call.lastSeq = Math.max(call.lastSeq, event.seq);
  call.lastEventReceivedAt = Math.max(call.lastEventReceivedAt, event.receivedAt);
  mergeDetails(call, fact);
  const current = fact.at >= call.latestAt;
  if (current) {
    call.latestAt = fact.at;
    call.providerState = fact.providerState;
  }
  if (call.phase === 'stale') call.phase = 'live';
  const { step } = fact;
  switch (step.kind) {
    case 'state':
      recordStateEvidence(call, step.state, fact.at);
      if (call.phase !== 'ended' && current) moveTo(call, step.state, fact, event.seq);
      return;
    case 'missed':
      call.missedCount += 1;
      // The agent who let it ring is no longer on it; the next event says where the call went.
      if (call.phase !== 'ended' && current) call.agent = null;
      return;
    case 'ended':
      call.outcomeSaid ??= step.outcome;
      if (call.phase === 'ended') {
        call.endedAt = Math.min(call.endedAt ?? fact.at, fact.at);
        return;
      }
      call.phase = 'ended';
      call.endedAt = fact.at;
      call.endedReceivedAt = event.receivedAt;
      call.waitingSince = null;
      return;
    case 'left_queue':
      call.leftQueue = true;
      if (call.phase !== 'ended' && current && call.state === 'queued') moveTo(call, 'flow', fact, event.seq);
      return;
    case 'after_call':
      if (!call.afterCall.includes(step.label)) call.afterCall.push(step.label);
      return;
    case 'note':
      return;
  }
}

function recordStateEvidence(call: CallRecord, state: BoardCallState, at: number): void {
  if (state === 'connected') call.answeredAt = Math.min(call.answeredAt ?? at, at);
  if (state === 'voicemail') call.voicemailSeen = true;
}

function moveTo(call: CallRecord, state: BoardCallState, fact: CallFact, seq: number): void {
  if (fact.agent !== undefined) call.agent = fact.agent;
  if (state === 'queued') call.waitingSince ??= fact.at;
  // Ringing an agent is still waiting for the caller; anything else ends the wait.
  else if (state !== 'ringing') call.waitingSince = null;
  if (call.state === state) return;
  call.state = state;
  call.stateSince = fact.at;
  call.stateSeq = seq;
}

function mergeDetails(call: CallRecord, fact: CallFact): void {
  if (fact.direction !== undefined) call.direction = fact.direction;
  if (fact.externalNumber !== undefined) call.externalNumber = fact.externalNumber;
  if (fact.contactName !== undefined) call.contactName = fact.contactName;
  // A queue named once stays: later events of some providers omit it, and names outlive ids.
  if (fact.queue !== undefined) call.queue = { id: fact.queue.id, name: fact.queue.name ?? call.queue?.name ?? null };
  call.startedAt = Math.min(call.startedAt, fact.startedAt ?? fact.at);
  if (fact.transferred === true) call.transferred = true;
}

/** How an ended call ended, read from everything seen, so a late or reordered event corrects it. */
export function outcomeOf(call: CallRecord): BoardCallOutcome {
  if (call.answeredAt !== null) return 'answered';
  if (call.voicemailSeen) return 'voicemail';
  if (call.outcomeSaid !== null) return call.outcomeSaid;
  if (call.direction === 'outbound') return 'no_answer';
  if (call.state === 'queued' || call.leftQueue) return 'abandoned';
  return call.missedCount > 0 ? 'missed' : 'abandoned';
}

export function toBoardCall(call: CallRecord, legIds: string[]): BoardCall {
  return {
    key: call.key,
    provider: call.provider,
    callId: call.callId,
    legIds,
    phase: call.phase,
    state: call.state,
    providerState: call.providerState,
    direction: call.direction,
    externalNumber: call.externalNumber,
    contactName: call.contactName,
    agent: call.agent,
    queue: call.queue,
    startedAt: call.startedAt,
    stateSince: call.stateSince,
    waitingSince: call.state === 'queued' || call.state === 'ringing' ? call.waitingSince : null,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    outcome: call.phase === 'ended' ? outcomeOf(call) : null,
    transferred: call.transferred,
    missedCount: call.missedCount,
    afterCall: [...call.afterCall],
    eventCount: call.eventCount,
    stateSeq: call.stateSeq,
    lastSeq: call.lastSeq,
    lastEventReceivedAt: call.lastEventReceivedAt,
  };
}
