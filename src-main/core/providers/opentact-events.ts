import { frameDigestKey } from './dedupe-key';
import type { EventFields } from './event-fields';
import { typeToken } from './event-fields';
import { exactId } from './exact-id';
import type { JsonObject } from './json-fields';
import { field, isJsonObject, numberField, objectField, textField } from './json-fields';
import { formatDuration, formatPhone, joinSummary, preview, quoted } from './summary-text';
import { timeField } from './time';

/*
 * Opentact frames, two generations (PROTOCOLS.md, Opentact):
 * 2024: {uuid, created_on, type, message, payload:{state, duration}, call:{uuid, direction, from, to, ...}}
 * 2022: {timestamp, message, type, payload:{command:{name, success, reason}, call:{..., init_on, ring_on, ...}}}
 */

export interface AuthReply {
  ok: boolean;
  summary: string;
}

/** The reply to our `auth` frame. The failure shape is undocumented: anything not clearly a success is a failure. */
export function readAuthReply(frame: JsonObject): AuthReply | null {
  if (textField(frame, 'type') !== 'auth') return null;
  const message = textField(frame, 'message');
  const success = field(frame, 'success');
  const payload = objectField(frame, 'payload');
  const ok =
    success === true ||
    (success !== false && (SUCCESS_AUTH.test(message ?? '') || objectField(payload, 'user') !== null));
  const detail = message === null ? null : preview(message, 160);
  return ok
    ? { ok, summary: joinSummary(['Authenticated', detail]) }
    : { ok, summary: joinSummary(['Authentication failed', detail ?? 'no reason given']) };
}

const SUCCESS_AUTH = /success(ful)? auth/i;

/** Opentact call states in the words used across providers (`live` is an answered call). */
const CALL_STATES: ReadonlyMap<string, string> = new Map([
  ['live', 'connected'],
  ['answered', 'connected'],
]);

export function normalizeOpentactEvent(frame: JsonObject, jsonText: string): EventFields | null {
  const eventType = textField(frame, 'type');
  if (eventType === null) return null;
  const topic = typeToken(eventType, 'event');
  const payload = objectField(frame, 'payload');
  const call = objectField(frame, 'call') ?? objectField(payload, 'call');
  const command = objectField(payload, 'command') ?? objectField(frame, 'command');
  const type = eventTypeOf(topic, payload, call, command);
  const callId = exactId(call, 'uuid', jsonText) ?? exactId(call, 'id', jsonText);
  const occurredAt = timeField(frame, 'created_on') ?? timeField(frame, 'timestamp');
  const eventId = exactId(frame, 'uuid', jsonText);
  return {
    topic,
    type,
    callId,
    occurredAt,
    summary: summarize(type, frame, payload, call, command),
    dedupeKey:
      eventId !== null
        ? `opentact:${eventId}`
        : occurredAt !== null
          ? `${type}:${callId ?? ''}:${occurredAt}`
          : frameDigestKey(jsonText),
  };
}

function eventTypeOf(
  topic: string,
  payload: JsonObject | null,
  call: JsonObject | null,
  command: JsonObject | null,
): string {
  if (topic === 'sms') return smsType(payload);
  if (topic === 'call_record') return 'call.recording';
  if (topic === 'call_flow' && command !== null) return `call_flow.${typeToken(textField(command, 'name'), 'command')}`;
  if (call !== null || topic === 'call_state') return `call.${callState(payload, call)}`;
  return topic;
}

function callState(payload: JsonObject | null, call: JsonObject | null): string {
  const stated = textField(payload, 'state') ?? textField(call, 'state');
  if (stated !== null) {
    const token = typeToken(stated, 'unknown');
    return CALL_STATES.get(token) ?? token;
  }
  // 2022 calls carry no state, only the time each stage was reached.
  if (timeField(call, 'hangup_on') !== null) return 'hangup';
  if (timeField(call, 'answer_on') !== null) return 'connected';
  if (timeField(call, 'ring_on') !== null) return 'ringing';
  if (timeField(call, 'init_on') !== null) return 'init';
  return 'unknown';
}

function smsType(payload: JsonObject | null): string {
  const sms = objectField(payload, 'sms') ?? payload;
  const direction = directionWord(textField(sms, 'direction'));
  return direction === null ? 'sms.message' : `sms.${direction}`;
}

function directionWord(direction: string | null): string | null {
  if (direction === 'in' || direction === 'inbound') return 'inbound';
  if (direction === 'out' || direction === 'outbound') return 'outbound';
  return null;
}

function summarize(
  type: string,
  frame: JsonObject,
  payload: JsonObject | null,
  call: JsonObject | null,
  command: JsonObject | null,
): string {
  const message = textField(frame, 'message');
  if (type.startsWith('sms.')) {
    const sms = objectField(payload, 'sms') ?? payload;
    return joinSummary([
      directionWord(textField(sms, 'direction')),
      sms === null ? null : route(field(sms, 'from'), field(sms, 'to')),
      quoted(textField(sms, 'text') ?? textField(sms, 'body'), 60),
    ]);
  }
  const callRoute = call === null ? null : route(field(call, 'from'), field(call, 'to'));
  if (command !== null) {
    return joinSummary([
      textField(command, 'name'),
      field(command, 'success') === false ? commandFailure(command) : null,
      callRoute,
      message === null ? null : preview(message, 80),
    ]);
  }
  if (call === null) return joinSummary([type, message === null ? null : preview(message, 120)]);
  const state = type.slice(type.indexOf('.') + 1);
  // Opentact durations are in seconds.
  const seconds = numberField(payload, 'duration') ?? numberField(call, 'duration');
  const cause = textField(call, 'q850_cause');
  return joinSummary([
    state,
    directionWord(textField(call, 'direction')),
    callRoute,
    state === 'hangup' && seconds !== null && seconds > 0 ? formatDuration(seconds * 1000) : null,
    state === 'hangup' && cause !== null ? `cause ${cause}` : null,
  ]);
}

function commandFailure(command: JsonObject): string {
  const reason = textField(command, 'reason');
  return reason === null ? 'failed' : `failed: ${preview(reason, 60)}`;
}

function route(from: unknown, to: unknown): string | null {
  const a = party(from);
  const b = party(to);
  return a === null && b === null ? null : `${a ?? '?'} → ${b ?? '?'}`;
}

/** A party is a number, or an object holding one (`{tn}`, `{number}`, `{name}`). */
function party(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return formatPhone(value);
  if (typeof value === 'number') return String(value);
  if (!isJsonObject(value)) return null;
  const number = textField(value, 'tn') ?? textField(value, 'number') ?? textField(value, 'phone');
  return number === null ? textField(value, 'name') : formatPhone(number);
}
