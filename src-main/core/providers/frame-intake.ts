import type { DecodedEvent, FrameDecoder, RawFrame } from './frame';
import { decodeUtf8Strict } from './frame-text';
import { malformedEvent } from './system-events';
import { formatBytes } from './summary-text';

export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
/** What is kept of a frame over the limit (or the limit, if lower): enough to recognize it, bounded for the store. */
export const KEPT_BYTES_OF_OVERSIZED_FRAME = 64 * 1024;

export interface FrameLimits {
  /** Frames larger than this are stored as `system.malformed` with their head only. */
  maxFrameBytes?: number;
}

export type TextFrame = { ok: true; text: string } | { ok: false; event: DecodedEvent };

/** The text of a frame for a JSON provider, or the `system.malformed` event saying why there is none. */
export function readTextFrame(frame: RawFrame, maxFrameBytes: number): TextFrame {
  const sizeBytes = frame.data.length;
  if (sizeBytes > maxFrameBytes) return { ok: false, event: oversizedFrameEvent(frame, maxFrameBytes) };
  if (frame.isBinary) {
    return {
      ok: false,
      event: malformedEvent({
        reason: 'binary_frame',
        detail: `Binary frame (${formatBytes(sizeBytes)}) where a JSON text frame was expected`,
        raw: frame.data.toString('base64'),
        rawEncoding: 'base64',
        sizeBytes,
      }),
    };
  }
  const decoded = decodeUtf8Strict(frame.data);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return {
    ok: false,
    event: malformedEvent({
      reason: 'invalid_utf8',
      detail: decoded.detail,
      raw: frame.data.toString('base64'),
      rawEncoding: 'base64',
      sizeBytes,
    }),
  };
}

function oversizedFrameEvent(frame: RawFrame, maxFrameBytes: number): DecodedEvent {
  const sizeBytes = frame.data.length;
  const head = keptHead(frame, Math.min(KEPT_BYTES_OF_OVERSIZED_FRAME, maxFrameBytes));
  return malformedEvent({
    reason: 'frame_too_large',
    detail:
      `Frame too large: ${formatBytes(sizeBytes)} (${sizeBytes} bytes) over the ${formatBytes(maxFrameBytes)} ` +
      `limit; first ${formatBytes(head.keptBytes)} kept`,
    raw: head.raw,
    rawEncoding: head.rawEncoding,
    sizeBytes,
    facts: { limitBytes: maxFrameBytes, keptBytes: head.keptBytes, isBinary: frame.isBinary },
  });
}

/** The head of a large frame, as text when it is text (cut on a character boundary), else base64. */
function keptHead(
  frame: RawFrame,
  keepBytes: number,
): { raw: string; rawEncoding: 'text' | 'base64'; keptBytes: number } {
  const { data } = frame;
  const limit = Math.min(keepBytes, data.length);
  if (!frame.isBinary) {
    // Step back over UTF-8 continuation bytes so the cut does not split a character.
    let cut = limit;
    while (cut > 0 && cut < data.length && ((data[cut] ?? 0) & 0xc0) === 0x80) cut--;
    const text = decodeUtf8Strict(data.subarray(0, cut));
    if (text.ok) return { raw: text.text, rawEncoding: 'text', keptBytes: cut };
  }
  return { raw: data.subarray(0, limit).toString('base64'), rawEncoding: 'base64', keptBytes: limit };
}

/**
 * The last line of the "never throws" promise: a bug in a normalizer becomes a stored
 * `system.malformed` event (with the frame kept) instead of an exception in the socket handler.
 */
export function decodeSafely(
  frame: RawFrame,
  decode: (frame: RawFrame) => DecodedEvent[] | Promise<DecodedEvent[]>,
): DecodedEvent[] | Promise<DecodedEvent[]> {
  try {
    const result = decode(frame);
    if (Array.isArray(result)) return result;
    return result.catch((error: unknown) => [decoderErrorEvent(frame, error)]);
  } catch (error) {
    return [decoderErrorEvent(frame, error)];
  }
}

function decoderErrorEvent(frame: RawFrame, error: unknown): DecodedEvent {
  const reason = error instanceof Error ? error.message : String(error);
  const text = frame.isBinary ? null : decodeUtf8Strict(frame.data.subarray(0, KEPT_BYTES_OF_OVERSIZED_FRAME));
  return malformedEvent({
    reason: 'decoder_error',
    detail: `Frame could not be decoded: ${reason}`,
    raw: text?.ok ? text.text : frame.data.subarray(0, KEPT_BYTES_OF_OVERSIZED_FRAME).toString('base64'),
    rawEncoding: text?.ok ? 'text' : 'base64',
    sizeBytes: frame.data.length,
  });
}

/**
 * The decoder of a provider that speaks one JSON object per text frame: size, binary and UTF-8
 * faults are handled here once; `decodeText` sees only well-formed text.
 */
export function createJsonTextDecoder(options: FrameLimits, decodeText: (text: string, sizeBytes: number) => DecodedEvent): FrameDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const decodeFrame = (frame: RawFrame): DecodedEvent[] => {
    const read = readTextFrame(frame, maxFrameBytes);
    return [read.ok ? decodeText(read.text, frame.data.length) : read.event];
  };
  return { decode: (frame) => decodeSafely(frame, decodeFrame) };
}
