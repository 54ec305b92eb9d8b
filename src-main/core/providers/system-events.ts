import type { DecodedEvent } from './frame';
import type { JsonResult } from './frame-text';
import type { JsonObject } from './json-fields';
import { isJsonObject } from './json-fields';
import { clip, joinSummary, preview } from './summary-text';

export const SYSTEM_TOPIC = 'system';

/** Why a frame could not be read; stored as `payload.error` so it can be filtered on. */
export type MalformedReason =
  | 'frame_too_large'
  | 'binary_frame'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'too_deep'
  | 'decoder_error';

export interface MalformedFrame {
  reason: MalformedReason;
  /** Exactly what is wrong, in words; also the summary. */
  detail: string;
  raw: string;
  rawEncoding: 'text' | 'base64';
  sizeBytes: number;
  /** Further facts for the payload (position, limit, ...). */
  facts?: JsonObject;
  /** A signed frame whose content is unreadable still reports its signature result. */
  verified?: boolean | null;
}

export function malformedEvent(frame: MalformedFrame): DecodedEvent {
  return {
    topic: SYSTEM_TOPIC,
    type: 'system.malformed',
    callId: null,
    occurredAt: null,
    summary: clip(frame.detail, 240),
    raw: frame.raw,
    rawEncoding: frame.rawEncoding,
    payload: { error: frame.reason, detail: frame.detail, sizeBytes: frame.sizeBytes, ...frame.facts },
    verified: frame.verified ?? null,
  };
}

export interface ProviderMessage {
  raw: string;
  payload: unknown;
  summary: string;
  /** `system.provider_message` unless the message means something specific (e.g. `system.auth_ok`). */
  type?: string;
  topic?: string;
  verified?: boolean | null;
}

/** A frame that is readable but is not an event: greetings, errors, acknowledgements. */
export function providerMessageEvent(message: ProviderMessage): DecodedEvent {
  return {
    topic: message.topic ?? SYSTEM_TOPIC,
    type: message.type ?? 'system.provider_message',
    callId: null,
    occurredAt: null,
    summary: message.summary,
    raw: message.raw,
    rawEncoding: 'text',
    payload: message.payload,
    verified: message.verified ?? null,
  };
}

/** The summary for a readable frame that no rule recognized: what it is and what it holds. */
export function describeUnrecognized(label: string, value: unknown, text: string): string {
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 8).join(', ');
    const more = keys.length > 8 ? ` +${keys.length - 8} more` : '';
    return joinSummary([label, keys.length === 0 ? 'empty object' : `keys: ${shown}${more}`]);
  }
  if (Array.isArray(value)) return joinSummary([label, `JSON array of ${value.length}`]);
  if (value === undefined) {
    return joinSummary([label, text.trim().length === 0 ? 'empty frame' : preview(text, 160)]);
  }
  return joinSummary([label, `JSON ${value === null ? 'null' : typeof value}: ${preview(text, 120)}`]);
}

export interface SignatureFailure {
  raw: string;
  reason: string;
  topic: string;
  callId: string | null;
  claims: unknown;
  dedupeKey?: string;
}

/**
 * The timeline entry for a signed frame that failed its check. It goes next to the event itself
 * (stored with verified=false), so a filter on `system.*` shows every fault.
 */
export function signatureFailedEvent(failure: SignatureFailure): DecodedEvent {
  const event: DecodedEvent = {
    topic: failure.topic,
    type: 'system.signature_failed',
    callId: failure.callId,
    occurredAt: null,
    summary: clip(`Signature check failed: ${failure.reason}`, 240),
    raw: failure.raw,
    rawEncoding: 'text',
    payload: failure.claims,
    verified: false,
  };
  if (failure.dedupeKey !== undefined) event.dedupeKey = `signature_failed:${failure.dedupeKey}`;
  return event;
}

/** A text frame that should have been JSON and is not (or nests too deep to store safely). */
export function unreadableJsonEvent(failure: Extract<JsonResult, { ok: false }>, text: string, sizeBytes: number): DecodedEvent {
  return malformedEvent({
    reason: failure.reason,
    detail: failure.detail,
    raw: text,
    rawEncoding: 'text',
    sizeBytes,
    facts: { position: failure.position },
  });
}
