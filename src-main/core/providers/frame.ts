import type { MonitorEvent } from '../api';

/** One WebSocket message exactly as it came off the socket. */
export interface RawFrame {
  data: Buffer;
  isBinary: boolean;
  /** Local clock, ms since epoch. */
  receivedAt: number;
}

/**
 * What a decoder makes of a frame: everything of a MonitorEvent that the pipeline does not
 * assign itself (seq, connection, provider, receive time).
 */
export type DecodedEvent = Omit<MonitorEvent, 'seq' | 'connectionId' | 'provider' | 'receivedAt'> & {
  /** Events with the same key on the same connection are stored once (double delivery, rotation overlap). */
  dedupeKey?: string;
  /**
   * `payload` as JSON text, when the decoder has it without serializing (usually the text it
   * parsed, often `raw` itself): withQuotedIntegers(payloadJson, payloadQuotedIntegers ?? [])
   * parses to `payload`. Spares the store a JSON.stringify per event.
   */
  payloadJson?: string;
  /** Offsets in payloadJson of the integers the payload holds as strings (64-bit ids); see withQuotedIntegers. */
  payloadQuotedIntegers?: readonly number[];
};

/** Turns frames into events. Must never throw: a frame it cannot read becomes a `system.*` event. */
export interface FrameDecoder {
  decode(frame: RawFrame): DecodedEvent[] | Promise<DecodedEvent[]>;
}
