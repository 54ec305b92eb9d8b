import { frameDigestKey } from './dedupe-key';
import type { EventFields } from './event-fields';
import { typeToken } from './event-fields';
import { exactId, restoreExactIds } from './exact-id';
import type { JsonObject } from './json-fields';
import { hasField, numberField, objectField, textField, textListField } from './json-fields';
import { formatDuration, formatPhone, joinSummary, preview, quoted } from './summary-text';
import { timeField } from './time';

/**
 * Dialpad sends events with no envelope: the kind of event is told by which keys it has
 * (PROTOCOLS.md, Dialpad > The socket). Returns null for an object that is no known event.
 *
 * `jsonText` is the JSON the object was parsed from (the frame, or a JWT's payload): ids above
 * 2^53 are recovered from it, and it identifies events that carry no time.
 */
export function normalizeDialpadEvent(event: JsonObject, jsonText: string): EventFields | null {
  if (hasField(event, 'call_id') && hasField(event, 'state')) return callEvent(event, jsonText);
  if (hasField(event, 'event') && hasField(event, 'contact')) return contactEvent(event, jsonText);
  if (hasField(event, 'action') && hasField(event, 'changed_by')) return changelogEvent(event, jsonText);
  if (hasField(event, 'on_duty_status') || hasField(event, 'availability_status')) {
    return agentStatusEvent(event, jsonText);
  }
  if (hasField(event, 'created_date') || hasField(event, 'from_number') || hasField(event, 'to_number')) {
    return smsEvent(event, jsonText);
  }
  return null;
}

const CALL_ID_FIELDS = ['call_id', 'master_call_id', 'entry_point_call_id'] as const;
const SMS_ID_FIELDS = ['id'] as const;

function callEvent(call: JsonObject, jsonText: string): EventFields {
  const payloadQuotedIntegers = restoreExactIds(call, CALL_ID_FIELDS, jsonText);
  const callId = exactId(call, 'call_id', jsonText);
  const state = typeToken(textField(call, 'state'), 'unknown');
  const eventTime = timeField(call, 'event_timestamp');
  const occurredAt =
    eventTime ??
    timeField(call, 'date_ended') ??
    timeField(call, 'date_connected') ??
    timeField(call, 'date_rang') ??
    timeField(call, 'date_started');
  const direction = textField(call, 'direction');
  const duration = numberField(call, 'duration');
  return {
    topic: 'call',
    type: `call.${state}`,
    callId,
    occurredAt,
    summary: joinSummary([
      state,
      direction,
      callRoute(call, direction),
      state === 'hangup' && duration !== null && duration > 0 ? formatDuration(duration) : null,
    ]),
    dedupeKey: eventTime === null ? frameDigestKey(jsonText) : `call:${callId ?? ''}:${state}:${eventTime}`,
    payloadQuotedIntegers,
  };
}

/** "+1 415 555 0101 → Sales (Alice Moreno)": the outside party, then where the call went inside. */
function callRoute(call: JsonObject, direction: string | null): string | null {
  const contact = objectField(call, 'contact');
  const externalNumber = textField(call, 'external_number') ?? textField(contact, 'phone');
  const outside = externalNumber === null ? textField(contact, 'name') : formatPhone(externalNumber);
  const inside = insideParty(call);
  if (outside === null && inside === null) return null;
  return direction === 'outbound'
    ? `${inside ?? '?'} → ${outside ?? '?'}`
    : `${outside ?? '?'} → ${inside ?? '?'}`;
}

function insideParty(call: JsonObject): string | null {
  const entryPoint = textField(objectField(call, 'entry_point_target'), 'name');
  const target = textField(objectField(call, 'target'), 'name');
  if (entryPoint !== null && target !== null && entryPoint !== target) return `${entryPoint} (${target})`;
  const internalNumber = textField(call, 'internal_number');
  return target ?? entryPoint ?? (internalNumber === null ? null : formatPhone(internalNumber));
}

function smsEvent(sms: JsonObject, jsonText: string): EventFields {
  const direction = textField(sms, 'direction');
  const payloadQuotedIntegers = restoreExactIds(sms, SMS_ID_FIELDS, jsonText);
  const id = exactId(sms, 'id', jsonText);
  const occurredAt = timeField(sms, 'event_timestamp') ?? timeField(sms, 'created_date');
  const status = textField(sms, 'message_status');
  const body = textField(sms, 'text') ?? textField(sms, 'text_content');
  return {
    topic: 'sms',
    type: direction === 'inbound' || direction === 'outbound' ? `sms.${direction}` : 'sms.message',
    callId: null,
    occurredAt,
    summary: joinSummary([direction, smsRoute(sms), status, quoted(body, 60)]),
    dedupeKey:
      id !== null && occurredAt !== null ? `sms:${id}:${status ?? ''}:${occurredAt}` : frameDigestKey(jsonText),
    payloadQuotedIntegers,
  };
}

function smsRoute(sms: JsonObject): string | null {
  const from = textField(sms, 'from_number');
  const recipients = textListField(sms, 'to_number');
  const [firstRecipient] = recipients;
  if (from === null && firstRecipient === undefined) return null;
  const more = recipients.length > 1 ? ` +${recipients.length - 1}` : '';
  const to = firstRecipient === undefined ? '?' : formatPhone(firstRecipient);
  return `${from === null ? '?' : formatPhone(from)} → ${to}${more}`;
}

function agentStatusEvent(status: JsonObject, jsonText: string): EventFields {
  const target = objectField(status, 'target');
  const agentId = exactId(target, 'id', jsonText);
  const agent = textField(target, 'name') ?? textField(target, 'email') ?? agentId;
  const onDuty = textField(status, 'on_duty_status');
  const reason = textField(status, 'on_duty_status_reason');
  const availability = textField(status, 'availability_status');
  const occurredAt = timeField(status, 'event_timestamp') ?? timeField(status, 'date');
  return {
    topic: 'agent_status',
    type: 'agent.status',
    callId: null,
    occurredAt,
    summary: joinSummary([
      agent,
      onDuty !== null && reason !== null ? `${onDuty} (${preview(reason, 40)})` : onDuty,
      availability !== null && availability !== onDuty ? `availability ${availability}` : null,
    ]),
    dedupeKey:
      occurredAt === null
        ? frameDigestKey(jsonText)
        : `agent_status:${agentId ?? ''}:${occurredAt}:${onDuty ?? ''}:${availability ?? ''}`,
  };
}

const CONTACT_PREFIX = /^contact[._]/i;

function contactEvent(event: JsonObject, jsonText: string): EventFields {
  const contact = objectField(event, 'contact');
  const verb = typeToken(textField(event, 'event')?.replace(CONTACT_PREFIX, '') ?? null, 'event');
  const phone = textField(contact, 'phone') ?? textListField(contact, 'phones')[0] ?? null;
  const occurredAt = timeField(event, 'event_timestamp') ?? timeField(event, 'date');
  return {
    topic: 'contact',
    type: `contact.${verb}`,
    callId: null,
    occurredAt,
    summary: joinSummary([
      verb,
      textField(contact, 'name') ?? textField(contact, 'display_name'),
      phone === null ? null : formatPhone(phone),
      textField(contact, 'type'),
    ]),
    dedupeKey:
      occurredAt === null
        ? frameDigestKey(jsonText)
        : `contact:${exactId(contact, 'id', jsonText) ?? ''}:${verb}:${occurredAt}`,
  };
}

function changelogEvent(change: JsonObject, jsonText: string): EventFields {
  const action = textField(change, 'action');
  const target = objectField(change, 'target');
  const targetType = textField(target, 'type');
  const targetName = textField(target, 'name') ?? exactId(target, 'id', jsonText);
  const changedBy = objectField(change, 'changed_by');
  const author = textField(changedBy, 'name') ?? textField(changedBy, 'type');
  const occurredAt = timeField(change, 'date') ?? timeField(change, 'event_timestamp');
  return {
    topic: 'changelog',
    // One type for all: actions are open-ended codes (e.g. `updated_ivr`) and would make types unbounded.
    type: 'changelog.update',
    callId: null,
    occurredAt,
    summary: joinSummary([
      action,
      [targetType, targetName].filter((part) => part !== null).join(' '),
      author === null ? null : `by ${author}`,
      quoted(textField(change, 'note'), 60),
    ]),
    dedupeKey:
      occurredAt === null
        ? frameDigestKey(jsonText)
        : `changelog:${action ?? ''}:${exactId(target, 'id', jsonText) ?? ''}:${occurredAt}`,
  };
}
