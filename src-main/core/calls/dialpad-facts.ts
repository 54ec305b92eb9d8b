import type { BoardAgentStatus, BoardCallState, MonitorEvent } from '../api';
import { exactId } from '../providers/exact-id';
import { isJsonObject, objectField, textField, type JsonObject } from '../providers/json-fields';
import { timeField } from '../providers/time';
import { party, type AgentFact, type BoardFact, type CallFact, type CallStep } from './facts';

/** Dialpad call states (PROTOCOLS.md > Dialpad > subscriptions) in board words. */
const LIVE_STATES: ReadonlyMap<string, BoardCallState> = new Map([
  ['calling', 'calling'],
  ['preanswer', 'calling'],
  ['ringing', 'ringing'],
  ['queued', 'queued'],
  ['connected', 'connected'],
  // A supervisor joining, a merge or a takeover: the call is still being talked on.
  ['merged', 'connected'],
  ['eavesdrop', 'connected'],
  ['monitor', 'connected'],
  ['barge', 'connected'],
  ['takeover', 'connected'],
  ['hold', 'hold'],
  ['parked', 'hold'],
  ['voicemail', 'voicemail'],
]);

/** States that describe a call after it ended; they can arrive long after `hangup`. */
const AFTER_CALL_STATES = new Set([
  'postcall',
  'recording',
  'transcription',
  'call_transcription',
  'voicemail_uploaded',
  'csat',
  'pcsat',
  'dispositions',
  'ai_playbook',
  'recap_summary',
  'recap_outcome',
  'recap_purposes',
  'recap_action_items',
]);

export function readDialpadFact(event: MonitorEvent): BoardFact | null {
  if (!isJsonObject(event.payload)) return null;
  if (event.topic === 'call' && event.callId !== null) return callFact(event, event.callId, event.payload);
  if (event.topic === 'agent_status') return agentFact(event, event.payload);
  return null;
}

function callStep(state: string): CallStep {
  const live = LIVE_STATES.get(state);
  if (live !== undefined) return { kind: 'state', state: live };
  if (state === 'hangup') return { kind: 'ended', outcome: null };
  // A blocked call never reaches anyone; Dialpad may send no hangup for it.
  if (state === 'blocked') return { kind: 'ended', outcome: 'missed' };
  if (state === 'missed') return { kind: 'missed' };
  if (AFTER_CALL_STATES.has(state)) return { kind: 'after_call', label: state };
  return { kind: 'note' };
}

function callFact(event: MonitorEvent, callId: string, call: JsonObject): CallFact {
  const state = textField(call, 'state') ?? 'unknown';
  const direction = textField(call, 'direction');
  const target = objectField(call, 'target');
  const entryPoint = objectField(call, 'entry_point_target');
  const contact = objectField(call, 'contact');
  const fact: CallFact = {
    type: 'call',
    callId,
    step: callStep(state),
    providerState: state,
    at: event.occurredAt ?? event.receivedAt,
    linkedCallIds: [exactId(call, 'master_call_id', event.raw), exactId(call, 'entry_point_call_id', event.raw)].filter(
      (id): id is string => id !== null && id !== callId,
    ),
  };
  if (direction === 'inbound' || direction === 'outbound') fact.direction = direction;
  const external = textField(call, 'external_number') ?? textField(contact, 'phone');
  if (external !== null) fact.externalNumber = external;
  const contactName = textField(contact, 'name');
  if (contactName !== null) fact.contactName = contactName;
  // The target is the person ringing or talking; a queued call targets its call center instead.
  if (target !== null) {
    fact.agent = textField(target, 'type') === 'user' ? party(exactId(target, 'id', event.raw), textField(target, 'name')) : null;
  }
  const queue = party(exactId(entryPoint, 'id', event.raw), textField(entryPoint, 'name'));
  if (queue !== null) fact.queue = queue;
  const startedAt = timeField(call, 'date_started');
  if (startedAt !== null) fact.startedAt = startedAt;
  if (call['is_transferred'] === true) fact.transferred = true;
  return fact;
}

const DIALPAD_STATUSES: ReadonlyMap<string, BoardAgentStatus> = new Map([
  ['available', 'available'],
  ['occupied', 'occupied'],
  ['wrapup', 'wrapup'],
  ['busy', 'busy'],
  ['unavailable', 'unavailable'],
]);

function agentFact(event: MonitorEvent, status: JsonObject): AgentFact | null {
  const target = objectField(status, 'target');
  const agentId = exactId(target, 'id', event.raw);
  if (agentId === null) return null;
  const onDuty = textField(status, 'on_duty_status');
  const availability = textField(status, 'availability_status');
  const providerStatus = onDuty ?? availability ?? 'unknown';
  return {
    type: 'agent',
    agentId,
    name: textField(target, 'name') ?? textField(target, 'email'),
    status: DIALPAD_STATUSES.get(onDuty ?? '') ?? (availability === 'available' ? 'available' : availability === null ? null : 'unavailable'),
    providerStatus,
    reason: textField(status, 'on_duty_status_reason'),
    at: event.occurredAt ?? event.receivedAt,
    removed: false,
  };
}
