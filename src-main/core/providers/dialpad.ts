import { normalizeDialpadEvent } from './dialpad-events';
import { textFrameEvent } from './event-fields';
import type { DecodedEvent, FrameDecoder, RawFrame } from './frame';
import type { FrameLimits } from './frame-intake';
import { DEFAULT_MAX_FRAME_BYTES, decodeSafely, readTextFrame } from './frame-intake';
import { firstSignificantChar, mayBeJson, parseJsonText } from './frame-text';
import { isJsonObject } from './json-fields';
import type { SignatureCheck } from './jws';
import { createHs256Checker, looksLikeCompactJws, readJwsUnverified } from './jws';
import { SUMMARY_SEPARATOR } from './summary-text';
import type { MalformedReason } from './system-events';
import { describeUnrecognized, malformedEvent, providerMessageEvent, signatureFailedEvent, unreadableJsonEvent } from './system-events';

export interface DialpadDecoderOptions extends FrameLimits {
  /** The websocket's secret: when set, each frame is an HS256 JWT signed with it. */
  jwtSecret?: string | null;
}

/*
 * The `verified` flag of a Dialpad event:
 * - null:  the frame was plain JSON or text (the websocket has no secret), nothing to check;
 * - true:  a JWT whose HS256 signature matches the secret;
 * - false: a JWT that failed the check (summary starts "BAD SIGNATURE", and a
 *          `system.signature_failed` entry follows it), or a JWT received while no secret is
 *          set: it is signed but nothing proves who signed it, so it must not look verified
 *          (summary starts "unverified: no JWT secret set").
 * Signed frames are never dropped: the claims are decoded and shown in every case.
 */
const BAD_SIGNATURE_PREFIX = 'BAD SIGNATURE';
const NO_SECRET_PREFIX = 'unverified: no JWT secret set';
const MESSAGE_LABEL = 'Dialpad message';

export function createDialpadDecoder(options: DialpadDecoderOptions): FrameDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const checkSignature = options.jwtSecret ? createHs256Checker(options.jwtSecret) : null;

  const decodeFrame = (frame: RawFrame): DecodedEvent[] | Promise<DecodedEvent[]> => {
    const read = readTextFrame(frame, maxFrameBytes);
    if (!read.ok) return [read.event];
    const text = read.text;
    if (looksLikeCompactJws(text)) return decodeSigned(text, frame.data.length, checkSignature);
    return [decodePlain(text, frame.data.length)];
  };

  return { decode: (frame) => decodeSafely(frame, decodeFrame) };
}

function decodePlain(text: string, sizeBytes: number): DecodedEvent {
  // Dialpad's own greetings and errors are plain text with undocumented wording.
  if (!mayBeJson(text)) return textMessageEvent(text);
  const parsed = parseJsonText(text);
  if (parsed.ok) return eventFromJson(parsed.value, text, text, null, null);
  const first = firstSignificantChar(text);
  if (first === '{' || first === '[') return unreadableJsonEvent(parsed, text, sizeBytes);
  // Text that merely starts like a JSON literal ("not authorized", "123 connected") is a message.
  return textMessageEvent(text);
}

function textMessageEvent(text: string): DecodedEvent {
  const summary = describeUnrecognized(MESSAGE_LABEL, undefined, text);
  return providerMessageEvent({ raw: text, payload: null, summary });
}

async function decodeSigned(
  token: string,
  sizeBytes: number,
  checkSignature: ((token: string) => Promise<SignatureCheck>) | null,
): Promise<DecodedEvent[]> {
  const check = checkSignature === null ? null : await checkSignature(token);
  const verified = check?.verified ?? false;
  const summaryPrefix = check === null ? NO_SECRET_PREFIX : check.verified ? null : BAD_SIGNATURE_PREFIX;
  const unreadable = (reason: MalformedReason, detail: string): DecodedEvent[] => [
    malformedEvent({ reason, detail, raw: token, rawEncoding: 'text', sizeBytes, verified }),
  ];
  const { payload } = readJwsUnverified(token);
  if (!payload.ok) return unreadable('invalid_utf8', payload.detail);
  const parsed = parseJsonText(payload.text);
  if (!parsed.ok) return unreadable(parsed.reason, `JWT payload: ${parsed.detail}`);
  const event = eventFromJson(parsed.value, token, payload.text, verified, summaryPrefix);
  if (check === null || check.verified) return [event];
  return [
    event,
    signatureFailedEvent({
      raw: token,
      reason: check.reason,
      topic: event.topic,
      callId: event.callId,
      claims: parsed.value,
      dedupeKey: event.dedupeKey,
    }),
  ];
}

/** `raw` is what was received (frame text or token); `jsonText` what was parsed (frame text or claims). */
function eventFromJson(
  value: unknown,
  raw: string,
  jsonText: string,
  verified: boolean | null,
  summaryPrefix: string | null,
): DecodedEvent {
  const fields = isJsonObject(value) ? normalizeDialpadEvent(value, jsonText) : null;
  if (fields === null) {
    const summary = describeUnrecognized(MESSAGE_LABEL, value, jsonText);
    return providerMessageEvent({ raw, payload: value, summary: withPrefix(summaryPrefix, summary), verified });
  }
  return textFrameEvent({ ...fields, summary: withPrefix(summaryPrefix, fields.summary) }, raw, value, verified, jsonText);
}

function withPrefix(prefix: string | null, summary: string): string {
  return prefix === null ? summary : prefix + SUMMARY_SEPARATOR + summary;
}
