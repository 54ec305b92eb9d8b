import type { DecodedEvent, FrameDecoder, RawFrame } from './frame';
import type { FrameLimits } from './frame-intake';
import { DEFAULT_MAX_FRAME_BYTES, KEPT_BYTES_OF_OVERSIZED_FRAME, decodeSafely, readTextFrame } from './frame-intake';
import { firstSignificantChar, mayBeJson, parseJsonText } from './frame-text';
import { isJsonObject, textField } from './json-fields';
import { formatBytes, joinSummary, preview } from './summary-text';

/** A raw WebSocket has no protocol: every frame is one event on this topic, none is deduplicated. */
export const RAW_WEBSOCKET_TOPIC = 'messages';

const HEX_PREVIEW_BYTES = 256;
const SUMMARY_HEX_BYTES = 16;
const HEX_BYTE_PAIRS = /(..)(?!$)/g;

export function createRawWebSocketDecoder(options: FrameLimits = {}): FrameDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const decodeFrame = (frame: RawFrame): DecodedEvent[] => {
    if (frame.isBinary) return [binaryEvent(frame.data, maxFrameBytes)];
    // Text frames over the limit or not UTF-8 are `system.malformed`, as for any provider.
    const read = readTextFrame(frame, maxFrameBytes);
    return [read.ok ? textEvent(read.text) : read.event];
  };
  return { decode: (frame) => decodeSafely(frame, decodeFrame) };
}

function textEvent(text: string): DecodedEvent {
  const parsed = mayBeJson(text) ? parseJsonText(text) : null;
  const isJson = parsed?.ok === true;
  const payload = isJson ? parsed.value : null;
  return {
    topic: RAW_WEBSOCKET_TOPIC,
    type: isJson ? 'message.json' : 'message.text',
    callId: null,
    occurredAt: null,
    summary:
      firstSignificantChar(text) === undefined
        ? '(empty text frame)'
        : joinSummary([eventNameOf(payload), preview(text, 160)]),
    raw: text,
    rawEncoding: 'text',
    payload,
    verified: null,
  };
}

/** The field most protocols name their messages by, shown first so a list is scannable. */
function eventNameOf(payload: unknown): string | null {
  if (!isJsonObject(payload)) return null;
  const name = textField(payload, 'type') ?? textField(payload, 'event') ?? textField(payload, 'action');
  return name === null ? null : preview(name, 40);
}

/** Binary frames are data here, never a fault; a frame over the limit keeps its head only. */
function binaryEvent(data: Buffer, maxFrameBytes: number): DecodedEvent {
  const truncated = data.length > maxFrameBytes;
  const kept = truncated ? data.subarray(0, Math.min(KEPT_BYTES_OF_OVERSIZED_FRAME, maxFrameBytes)) : data;
  const raw = kept.toString('base64');
  const head = data.subarray(0, SUMMARY_HEX_BYTES).toString('hex').replace(HEX_BYTE_PAIRS, '$1 ');
  return {
    topic: RAW_WEBSOCKET_TOPIC,
    type: 'message.binary',
    callId: null,
    occurredAt: null,
    summary: joinSummary([
      'binary',
      formatBytes(data.length),
      data.length === 0 ? null : data.length > SUMMARY_HEX_BYTES ? `${head} …` : head,
      truncated ? `over the ${formatBytes(maxFrameBytes)} limit: first ${formatBytes(kept.length)} kept` : null,
    ]),
    raw,
    rawEncoding: 'base64',
    payload: {
      sizeBytes: data.length,
      hex: data.subarray(0, HEX_PREVIEW_BYTES).toString('hex'),
      base64Length: raw.length,
      ...(truncated ? { truncated: true, keptBytes: kept.length } : {}),
    },
    verified: null,
  };
}
