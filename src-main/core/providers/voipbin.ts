import { textFrameEvent } from './event-fields';
import type { DecodedEvent, FrameDecoder, RawFrame } from './frame';
import type { FrameLimits } from './frame-intake';
import { DEFAULT_MAX_FRAME_BYTES, decodeSafely, readTextFrame } from './frame-intake';
import { parseJsonText } from './frame-text';
import { isJsonObject } from './json-fields';
import { describeUnrecognized, malformedEvent, providerMessageEvent } from './system-events';
import { normalizeBareResource, normalizeWrappedEvent, unwrapVoipbinEvent } from './voipbin-resources';

export function createVoipbinDecoder(options: FrameLimits = {}): FrameDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const decodeFrame = (frame: RawFrame): DecodedEvent[] => {
    const read = readTextFrame(frame, maxFrameBytes);
    if (!read.ok) return [read.event];
    return [decodeText(read.text, frame.data.length)];
  };
  return { decode: (frame) => decodeSafely(frame, decodeFrame) };
}

function decodeText(text: string, sizeBytes: number): DecodedEvent {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return malformedEvent({
      reason: parsed.reason,
      detail: parsed.detail,
      raw: text,
      rawEncoding: 'text',
      sizeBytes,
      facts: { position: parsed.position },
    });
  }
  const { value } = parsed;
  if (isJsonObject(value)) {
    const wrapped = unwrapVoipbinEvent(value);
    const fields = wrapped
      ? normalizeWrappedEvent(wrapped.eventName, wrapped.data, text)
      : normalizeBareResource(value, text);
    if (fields !== null) return textFrameEvent(fields, text, value, null);
  }
  const summary = describeUnrecognized('VoIPBin message', value, text);
  return providerMessageEvent({ raw: text, payload: value, summary });
}
