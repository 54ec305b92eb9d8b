import type { BoardAgentStatus, BoardCallOutcome, MonitorEvent } from '../api';
import { exactId } from '../providers/exact-id';
import { arrayField, isJsonObject, objectField, textField, type JsonObject } from '../providers/json-fields';
import { timeField } from '../providers/time';
import { unwrapVoipbinEvent } from '../providers/voipbin-resources';
import type { AgentFact, BoardFact, CallFact, CallStep } from './facts';

/** VoIPBin sends the all-zero UUID for "no such call" (no master call, no owner). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/*
 * VoIPBin has no queue or hold states on the call itself: queueing is told by the `queuecall`
 * resource that references the call, and a `progressing` call is answered — by an agent when
 * an agent owns it, otherwise by the flow (IVR, queue music, voicemail).
 */
export function readVoipbinFact(event: MonitorEvent): BoardFact | null {
  if (!isJsonObject(event.payload)) return null;
  const resource = unwrapVoipbinEvent(event.payload)?.data ?? event.payload;
  if (event.topic === 'call' && event.callId !== null) return callFact(event, event.callId, resource);
  if (event.topic === 'queuecall' && event.callId !== null) return queuecallFact(event, event.callId, resource);
  if (event.topic === 'recording' && event.callId !== null) return afterCallFact(event, event.callId, 'recording');
  if (event.topic === 'agent') return agentFact(event, resource);
  return null;
}

function uuidOrNull(value: string | null): string | null {
  return value === null || value === NIL_UUID ? null : value;
}

function at(event: MonitorEvent): number {
  return event.occurredAt ?? event.receivedAt;
}

const HANGUP_OUTCOMES: ReadonlyMap<string, BoardCallOutcome> = new Map([['canceled', 'abandoned']]);

function callStep(status: string, inbound: boolean, agentOwned: boolean, hangupReason: string | null): CallStep {
  switch (status) {
    case 'dialing':
      return { kind: 'state', state: 'calling' };
    case 'ringing':
      return { kind: 'state', state: 'ringing' };
    case 'progressing':
      return { kind: 'state', state: agentOwned || !inbound ? 'connected' : 'flow' };
    case 'hangup': {
      if (hangupReason === 'noanswer' || hangupReason === 'busy') return { kind: 'ended', outcome: inbound ? 'missed' : 'no_answer' };
      return { kind: 'ended', outcome: HANGUP_OUTCOMES.get(hangupReason ?? '') ?? null };
    }
    default:
      // terminating, canceling: the hangup follows.
      return { kind: 'note' };
  }
}

function callFact(event: MonitorEvent, callId: string, call: JsonObject): CallFact {
  const status = textField(call, 'status') ?? 'unknown';
  const inbound = textField(call, 'direction') !== 'outgoing';
  const ownerId = textField(call, 'owner_type') === 'agent' ? uuidOrNull(exactId(call, 'owner_id', event.raw)) : null;
  const remote = objectField(call, inbound ? 'source' : 'destination');
  const chained = (arrayField(call, 'chained_call_ids') ?? []).filter((id): id is string => typeof id === 'string');
  const fact: CallFact = {
    type: 'call',
    callId,
    step: callStep(status, inbound, ownerId !== null, textField(call, 'hangup_reason')),
    providerState: status,
    at: at(event),
    direction: inbound ? 'inbound' : 'outbound',
    agent: ownerId === null ? null : { id: ownerId, name: null },
    linkedCallIds: [uuidOrNull(exactId(call, 'master_call_id', event.raw)), ...chained].filter(
      (id): id is string => id !== null && id !== NIL_UUID && id !== callId,
    ),
  };
  const external = textField(remote, 'target');
  if (external !== null) fact.externalNumber = external;
  const contactName = textField(remote, 'target_name') ?? textField(remote, 'name');
  if (contactName !== null) fact.contactName = contactName;
  const startedAt = timeField(call, 'tm_create');
  if (startedAt !== null) fact.startedAt = startedAt;
  return fact;
}

function queuecallStep(status: string): CallStep {
  switch (status) {
    case 'waiting':
      return { kind: 'state', state: 'queued' };
    case 'connecting':
      return { kind: 'state', state: 'ringing' };
    case 'service':
      return { kind: 'state', state: 'connected' };
    case 'abandoned':
      return { kind: 'left_queue' };
    default:
      // initiating, kicking, done: the call's own events tell the rest.
      return { kind: 'note' };
  }
}

function queuecallFact(event: MonitorEvent, callId: string, queuecall: JsonObject): CallFact {
  const status = textField(queuecall, 'status') ?? 'unknown';
  const agentId = uuidOrNull(exactId(queuecall, 'service_agent_id', event.raw));
  const queueId = uuidOrNull(exactId(queuecall, 'queue_id', event.raw));
  const step = queuecallStep(status);
  const fact: CallFact = { type: 'call', callId, step, providerState: `queue ${status}`, at: at(event), linkedCallIds: [] };
  if (queueId !== null) fact.queue = { id: queueId, name: null };
  if (step.kind === 'state') fact.agent = agentId === null ? null : { id: agentId, name: null };
  return fact;
}

function afterCallFact(event: MonitorEvent, callId: string, label: string): CallFact {
  return { type: 'call', callId, step: { kind: 'after_call', label }, providerState: label, at: at(event), linkedCallIds: [] };
}

/** VoIPBin agent statuses: `busy` and `ringing` mean on a call; `away` is on a break. */
const VOIPBIN_STATUSES: ReadonlyMap<string, BoardAgentStatus> = new Map([
  ['available', 'available'],
  ['busy', 'occupied'],
  ['ringing', 'occupied'],
  ['away', 'unavailable'],
  ['offline', 'offline'],
]);

function agentFact(event: MonitorEvent, agent: JsonObject): AgentFact | null {
  const agentId = exactId(agent, 'id', event.raw);
  if (agentId === null) return null;
  const status = textField(agent, 'status');
  return {
    type: 'agent',
    agentId,
    name: textField(agent, 'name') ?? textField(agent, 'username'),
    status: status === null ? null : (VOIPBIN_STATUSES.get(status) ?? 'unavailable'),
    providerStatus: status ?? 'unknown',
    reason: null,
    at: at(event),
    removed: event.type === 'agent.deleted' || timeField(agent, 'tm_delete') !== null,
  };
}
