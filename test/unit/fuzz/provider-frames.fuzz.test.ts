import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import type { DecodedEvent, FrameDecoder, RawFrame } from '../../../src-main/core/providers/frame';
import { createOpentactDecoder } from '../../../src-main/core/providers/opentact';
import { createVoipbinDecoder } from '../../../src-main/core/providers/voipbin';
import { createRawWebSocketDecoder } from '../../../src-main/core/providers/websocket';

const decoders: [string, () => FrameDecoder][] = [
  ['dialpad', () => createDialpadDecoder({ jwtSecret: 'fuzz-secret' })],
  ['voipbin', () => createVoipbinDecoder()],
  ['opentact', () => createOpentactDecoder()],
  ['websocket', () => createRawWebSocketDecoder()],
];

/** Frames shaped like what providers send, mutated: real keys with hostile values, plus noise. */
const providerish = fc.dictionary(
  fc.constantFrom('call_id', 'state', 'type', 'data', 'status', 'tm_update', 'id', 'uuid', 'payload', 'call', 'target', 'event_timestamp', '__proto__', 'constructor'),
  fc.jsonValue({ maxDepth: 4 }),
);

const frames: fc.Arbitrary<RawFrame> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }).map((text) => ({ data: Buffer.from(text), isBinary: false, receivedAt: 1 })),
  fc.json({ maxDepth: 5 }).map((text) => ({ data: Buffer.from(text), isBinary: false, receivedAt: 1 })),
  providerish.map((object) => ({ data: Buffer.from(JSON.stringify(object)), isBinary: false, receivedAt: 1 })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ data: Buffer.from(bytes), isBinary: false, receivedAt: 1 })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ data: Buffer.from(bytes), isBinary: true, receivedAt: 1 })),
  fc.tuple(fc.base64String({ minLength: 4, maxLength: 60 }), fc.base64String({ minLength: 4, maxLength: 200 }), fc.base64String({ maxLength: 60 })).map(
    ([header, body, signature]) => ({ data: Buffer.from(`${header}.${body}.${signature}`), isBinary: false, receivedAt: 1 }),
  ),
);

function assertWellFormed(events: DecodedEvent[]): void {
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(typeof event.type).toBe('string');
    expect(event.type.length).toBeGreaterThan(0);
    expect(typeof event.summary).toBe('string');
    expect(typeof event.raw).toBe('string');
    expect(['text', 'base64']).toContain(event.rawEncoding);
    expect(event.callId === null || typeof event.callId === 'string').toBe(true);
    // Whatever is stored must survive the store and IPC.
    expect(() => JSON.stringify(event.payload)).not.toThrow();
  }
}

describe.each(decoders)('%s decoder under generated frames', (_name, makeDecoder) => {
  it('never throws and always yields well-formed events', async () => {
    const decoder = makeDecoder();
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        assertWellFormed(await decoder.decode(frame));
      }),
      { numRuns: 2_000 },
    );
  });
});
