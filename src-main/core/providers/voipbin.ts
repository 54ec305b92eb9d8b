import { textFrameEvent } from './event-fields';
import type { DecodedEvent, FrameDecoder } from './frame';
import type { FrameLimits } from './frame-intake';
import { createJsonTextDecoder } from './frame-intake';
import { parseJsonText } from './frame-text';
import { isJsonObject } from './json-fields';
import { describeUnrecognized, providerMessageEvent, unreadableJsonEvent } from './system-events';
import { normalizeBareResource, normalizeWrappedEvent, unwrapVoipbinEvent } from './voipbin-resources';

export function createVoipbinDecoder(options: FrameLimits = {}): FrameDecoder {
  return createJsonTextDecoder(options, decodeText);
}

function decodeText(text: string, sizeBytes: number): DecodedEvent {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return unreadableJsonEvent(parsed, text, sizeBytes);
  const { value } = parsed;
  if (isJsonObject(value)) {
    const wrapped = unwrapVoipbinEvent(value);
    const fields = wrapped
      ? normalizeWrappedEvent(wrapped.eventName, wrapped.data, text)
      : normalizeBareResource(value, text);
    if (fields !== null) return textFrameEvent(fields, text, value, null, text);
  }
  const summary = describeUnrecognized('VoIPBin message', value, text);
  return providerMessageEvent({ raw: text, payload: value, summary });
}
