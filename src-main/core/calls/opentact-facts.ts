import type { BoardCallState, MonitorEvent } from '../api';
import { exactId } from '../providers/exact-id';
import { isJsonObject, objectField, textField, type JsonObject } from '../providers/json-fields';
import { timeField } from '../providers/time';
import type { BoardFact, CallFact, CallStep } from './facts';

/*
 * Opentact knows no queues, holds or agents: a call is created, rings, goes live and hangs up.
 * 2024 frames carry the call at the top level and a `parent` link; 2022 frames carry it under
 * `payload` with the stage as a command name (ring, answer, hangup, destroy).
 */
export function readOpentactFact(event: MonitorEvent): BoardFact | null {
  if (event.callId === null || !isJsonObject(event.payload)) return null;
  const frame = event.payload;
  const payload = objectField(frame, 'payload');
  const call = objectField(frame, 'call') ?? objectField(payload, 'call');
  if (call === null) return null;
  const inbound = textField(call, 'direction') !== 'out';
  const stage = event.type.slice(event.type.indexOf('.') + 1);
  const fact: CallFact = {
    type: 'call',
    callId: event.callId,
    step: event.type === 'call.recording' ? { kind: 'after_call', label: 'recording' } : callStep(stage, inbound),
    providerState: stage,
    at: event.occurredAt ?? event.receivedAt,
    direction: inbound ? 'inbound' : 'outbound',
    linkedCallIds: [exactId(frame, 'parent', event.raw)].filter((id): id is string => id !== null && id !== event.callId),
  };
  const external = partyNumber(call[inbound ? 'from' : 'to']);
  if (external !== null) fact.externalNumber = external;
  const startedAt = timeField(call, 'init_on') ?? timeField(call, 'created_on');
  if (startedAt !== null) fact.startedAt = startedAt;
  return fact;
}

/** Stages by their 2024 state name (the decoder maps `live`/`answered` to `connected`) or 2022 command name. */
const LIVE_STAGES: ReadonlyMap<string, BoardCallState> = new Map([
  ['ringing', 'ringing'],
  ['ring', 'ringing'],
  ['connected', 'connected'],
  ['answer', 'connected'],
  ['bridged', 'connected'],
]);

function callStep(stage: string, inbound: boolean): CallStep {
  if (stage === 'init') return { kind: 'state', state: inbound ? 'ringing' : 'calling' };
  const live = LIVE_STAGES.get(stage);
  if (live !== undefined) return { kind: 'state', state: live };
  if (stage === 'hangup') return { kind: 'ended', outcome: null };
  // `destroyed` follows `hangup`: the leg's resources are released.
  return { kind: 'note' };
}

function partyNumber(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (!isJsonObject(value)) return null;
  const holder: JsonObject = value;
  return textField(holder, 'tn') ?? textField(holder, 'number') ?? textField(holder, 'phone');
}
