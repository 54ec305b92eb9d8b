import type { DecodedEvent } from './frame';

/** What a provider's normalizer decides about one decoded frame; the decoder adds raw, payload and verified. */
export type EventFields = Pick<DecodedEvent, 'topic' | 'type' | 'callId' | 'occurredAt' | 'summary' | 'dedupeKey'> & {
  /**
   * Set by a normalizer that changed the payload it was given (restoreExactIds): where its JSON
   * text now differs from `jsonText` (DecodedEvent.payloadQuotedIntegers), or null when unknown.
   * Left out, the payload is still what `jsonText` says.
   */
  payloadQuotedIntegers?: number[] | null;
};

/** `jsonText` is the text `payload` was parsed from. */
export function textFrameEvent(
  fields: EventFields,
  raw: string,
  payload: unknown,
  verified: boolean | null,
  jsonText: string,
): DecodedEvent {
  const event: DecodedEvent = {
    topic: fields.topic,
    type: fields.type,
    callId: fields.callId,
    occurredAt: fields.occurredAt,
    summary: fields.summary,
    raw,
    rawEncoding: 'text',
    payload,
    verified,
  };
  if (fields.dedupeKey !== undefined) event.dedupeKey = fields.dedupeKey;
  const quoted = fields.payloadQuotedIntegers;
  if (quoted === null) return event;
  event.payloadJson = jsonText;
  if (quoted !== undefined && quoted.length > 0) event.payloadQuotedIntegers = quoted;
  return event;
}

const NOT_TYPE_SAFE = /[^a-z0-9_]+/g;
const MAX_TYPE_TOKEN = 48;

/**
 * A provider word (state, verb, event name) as one segment of a normalized type: lower case,
 * no dots or spaces, bounded, so `call.<state>` stays filterable whatever the frame says.
 */
export function typeToken(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  const token = value.toLowerCase().replace(NOT_TYPE_SAFE, '_').slice(0, MAX_TYPE_TOKEN);
  return token.length > 0 && token !== '_' ? token : fallback;
}
