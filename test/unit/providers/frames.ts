import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DecodedEvent, FrameDecoder, RawFrame } from '../../../src-main/core/providers/frame';

const FIXTURES = fileURLToPath(new URL('../../fixtures/providers/', import.meta.url));

/** A fixture's exact text: big integer ids must reach the decoder unparsed. */
export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export function textFrame(text: string): RawFrame {
  return { data: Buffer.from(text, 'utf8'), isBinary: false, receivedAt: 1_700_000_000_000 };
}

export function bytesFrame(data: Buffer, isBinary: boolean): RawFrame {
  return { data, isBinary, receivedAt: 1_700_000_000_000 };
}

export async function decode(decoder: FrameDecoder, frame: RawFrame): Promise<DecodedEvent[]> {
  return await decoder.decode(frame);
}

export async function decodeOne(decoder: FrameDecoder, text: string): Promise<DecodedEvent> {
  const events = await decode(decoder, textFrame(text));
  const [event] = events;
  if (events.length !== 1 || event === undefined) throw new Error(`expected one event, got ${events.length}`);
  return event;
}
