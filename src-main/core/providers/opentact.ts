import { textFrameEvent } from './event-fields';
import type { DecodedEvent, FrameDecoder } from './frame';
import type { FrameLimits } from './frame-intake';
import { createJsonTextDecoder } from './frame-intake';
import { parseJsonText } from './frame-text';
import { isJsonObject } from './json-fields';
import { normalizeOpentactEvent, readAuthReply } from './opentact-events';
import { describeUnrecognized, providerMessageEvent, unreadableJsonEvent } from './system-events';

/**
 * The reply to our `auth` frame becomes `system.auth_ok` (topic `auth`) on success, and a
 * `system.provider_message` on topic `auth` otherwise: the connection treats any auth reply that
 * is not `system.auth_ok` as a failed login.
 */
export const OPENTACT_AUTH_TOPIC = 'auth';

export function createOpentactDecoder(options: FrameLimits = {}): FrameDecoder {
  return createJsonTextDecoder(options, decodeText);
}

function decodeText(text: string, sizeBytes: number): DecodedEvent {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return unreadableJsonEvent(parsed, text, sizeBytes);
  const { value } = parsed;
  if (isJsonObject(value)) {
    const auth = readAuthReply(value);
    if (auth !== null) {
      return providerMessageEvent({
        raw: text,
        payload: value,
        summary: auth.summary,
        topic: OPENTACT_AUTH_TOPIC,
        type: auth.ok ? 'system.auth_ok' : 'system.provider_message',
      });
    }
    const fields = normalizeOpentactEvent(value, text);
    if (fields !== null) return textFrameEvent(fields, text, value, null, text);
  }
  const summary = describeUnrecognized('Opentact message', value, text);
  return providerMessageEvent({ raw: text, payload: value, summary });
}
