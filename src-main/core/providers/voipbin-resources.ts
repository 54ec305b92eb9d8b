import { frameDigestKey } from './dedupe-key';
import type { EventFields } from './event-fields';
import { typeToken } from './event-fields';
import { exactId } from './exact-id';
import type { JsonObject } from './json-fields';
import { arrayField, field, hasField, isJsonObject, numberField, objectField, textField } from './json-fields';
import { formatDuration, formatPhone, joinSummary, quoted } from './summary-text';
import { timeField } from './time';

/*
 * VoIPBin frames are resources (call, message, queuecall, ...), either wrapped as
 * `{"type": "call_hangup", "data": {...}}` or bare with no event name (PROTOCOLS.md, VoIPBin).
 */

/** Wrapped means exactly the keys `type` (a string) and `data` (an object): resources have a `type` of their own. */
export function unwrapVoipbinEvent(frame: JsonObject): { eventName: string; data: JsonObject } | null {
  if (!Object.hasOwn(frame, 'data') || !Object.hasOwn(frame, 'type') || Object.keys(frame).length !== 2) return null;
  const eventName = field(frame, 'type');
  const data = field(frame, 'data');
  return typeof eventName === 'string' && isJsonObject(data) ? { eventName, data } : null;
}

/** `call_hangup` -> resource `call`, verb `hangup`; resource names are single words (queuecall, activeflow). */
export function normalizeWrappedEvent(eventName: string, data: JsonObject, jsonText: string): EventFields {
  const separator = eventName.indexOf('_');
  const resource = typeToken(separator < 0 ? eventName : eventName.slice(0, separator), 'resource');
  const verb = separator < 0 ? null : typeToken(eventName.slice(separator + 1), 'event');
  return resourceEvent(resource, verb === null ? resource : `${resource}.${verb}`, data, readTimes(data), jsonText);
}

/** A bare resource: what it is is told by its fields, what happened by its status and times. */
export function normalizeBareResource(resource: JsonObject, jsonText: string): EventFields | null {
  const kind = inferResourceKind(resource);
  if (kind === null) return null;
  const times = readTimes(resource);
  return resourceEvent(kind, `${kind}.${inferVerb(kind, resource, times)}`, resource, times, jsonText);
}

/** A resource's `tm_*` times; unset ones (null or the year-9999 sentinel) are null. */
interface ResourceTimes {
  created: number | null;
  updated: number | null;
  deleted: number | null;
}

function readTimes(r: JsonObject): ResourceTimes {
  return { created: timeField(r, 'tm_create'), updated: timeField(r, 'tm_update'), deleted: timeField(r, 'tm_delete') };
}

const CALL_STATUSES = new Set(['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup']);
const CALL_DIRECTIONS = new Set(['incoming', 'outgoing']);

function inferResourceKind(r: JsonObject): string | null {
  if (textField(r, 'type') === 'sms' || arrayField(r, 'targets') !== null) return 'message';
  const status = textField(r, 'status');
  if (
    status !== null &&
    CALL_STATUSES.has(status) &&
    (CALL_DIRECTIONS.has(textField(r, 'direction') ?? '') ||
      (objectField(r, 'source') !== null && objectField(r, 'destination') !== null))
  ) {
    return 'call';
  }
  // Checked before conferencecall: a queuecall also carries a conference_id.
  if (hasField(r, 'queue_id') && hasField(r, 'reference_id')) return 'queuecall';
  if (hasField(r, 'conference_id') && hasField(r, 'reference_id')) return 'conferencecall';
  if (hasField(r, 'recording_name') || hasField(r, 'filenames')) return 'recording';
  if (hasField(r, 'username') && (hasField(r, 'ring_method') || hasField(r, 'permission'))) return 'agent';
  if (hasField(r, 'routing_method') && (hasField(r, 'wait_queuecall_ids') || hasField(r, 'service_queuecall_ids'))) {
    return 'queue';
  }
  if (hasField(r, 'conferencecall_ids')) return 'conference';
  if (hasField(r, 'flow_id') && (hasField(r, 'current_action') || hasField(r, 'stack_map'))) return 'activeflow';
  if (hasField(r, 'id') && (hasField(r, 'tm_create') || hasField(r, 'tm_update'))) return 'resource';
  return null;
}

// Maps, not object literals: a status named `constructor` must not find Object.prototype's.
/** Queue call statuses as the verbs of VoIPBin's own queuecall_* event names. */
const QUEUECALL_VERBS: ReadonlyMap<string, string> = new Map([
  ['initiating', 'created'],
  ['waiting', 'waiting'],
  ['connecting', 'connecting'],
  ['kicking', 'kicking'],
  ['service', 'serviced'],
  ['done', 'done'],
  ['abandoned', 'abandoned'],
]);
const RECORDING_VERBS: ReadonlyMap<string, string> = new Map([
  ['recording', 'started'],
  ['ended', 'finished'],
]);
const VERBS_BY_STATUS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['queuecall', QUEUECALL_VERBS],
  ['recording', RECORDING_VERBS],
]);

function inferVerb(kind: string, r: JsonObject, times: ResourceTimes): string {
  const status = textField(r, 'status');
  if (kind === 'call' && status !== null) return typeToken(status, 'updated');
  const byStatus = status === null ? undefined : VERBS_BY_STATUS.get(kind)?.get(status);
  return byStatus ?? lifecycleVerb(times);
}

function lifecycleVerb(times: ResourceTimes): string {
  if (times.deleted !== null) return 'deleted';
  return times.updated !== null && times.updated !== times.created ? 'updated' : 'created';
}

function resourceEvent(
  topic: string,
  type: string,
  r: JsonObject,
  times: ResourceTimes,
  jsonText: string,
): EventFields {
  const id = exactId(r, 'id', jsonText);
  // The same event arrives once per matching topic format as the very same frame. Resource id and
  // tm_update alone are not enough: two changes of one agent can share a tm_update millisecond.
  const dedupeKey = frameDigestKey(jsonText);
  return {
    topic,
    type,
    callId: relatedCallId(topic, r, id, jsonText),
    occurredAt: times.updated ?? times.created,
    summary: summarize(topic, type, r),
    dedupeKey,
  };
}

function relatedCallId(topic: string, r: JsonObject, id: string | null, jsonText: string): string | null {
  if (topic === 'call') return id;
  return textField(r, 'reference_type') === 'call' ? exactId(r, 'reference_id', jsonText) : null;
}

function summarize(topic: string, type: string, r: JsonObject): string {
  const verb = type.slice(type.indexOf('.') + 1);
  switch (topic) {
    case 'call':
      return joinSummary([
        verb,
        textField(r, 'direction'),
        route(objectField(r, 'source'), objectField(r, 'destination')),
        hangupDetail(r),
      ]);
    case 'message':
      return messageSummary(verb, r);
    case 'queuecall': {
      const waiting = numberField(r, 'duration_waiting');
      return joinSummary([
        verb,
        address(objectField(r, 'source')),
        waiting !== null && waiting > 0 ? `waited ${formatDuration(waiting)}` : null,
      ]);
    }
    case 'agent':
      return joinSummary([verb, textField(r, 'name') ?? textField(r, 'username'), textField(r, 'status')]);
    default:
      return joinSummary([
        topic === 'resource' ? type : verb,
        textField(r, 'name') ?? textField(r, 'id'),
        textField(r, 'status'),
      ]);
  }
}

function messageSummary(verb: string, r: JsonObject): string {
  const targets = (arrayField(r, 'targets') ?? []).filter(isJsonObject);
  const [first] = targets;
  const destination = first === undefined ? null : address(objectField(first, 'destination'));
  const more = targets.length > 1 ? ` +${targets.length - 1}` : '';
  return joinSummary([
    verb,
    textField(r, 'direction'),
    `${address(objectField(r, 'source')) ?? '?'} → ${destination ?? '?'}${more}`,
    first === undefined ? null : textField(first, 'status'),
    quoted(textField(r, 'text'), 60),
  ]);
}

function hangupDetail(r: JsonObject): string | null {
  const reason = textField(r, 'hangup_reason');
  const by = textField(r, 'hangup_by');
  if (reason === null && by === null) return null;
  return [reason, by === null ? null : `by ${by}`].filter((part) => part !== null).join(' ');
}

function route(source: JsonObject | null, destination: JsonObject | null): string | null {
  const from = address(source);
  const to = address(destination);
  return from === null && to === null ? null : `${from ?? '?'} → ${to ?? '?'}`;
}

/** A VoIPBin address `{type, target, target_name, name}`: the name when set, else the number or URI. */
function address(a: JsonObject | null): string | null {
  const name = textField(a, 'target_name') ?? textField(a, 'name');
  if (name !== null) return name;
  const target = textField(a, 'target');
  return target === null ? null : formatPhone(target);
}
