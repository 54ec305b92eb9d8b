import { SignJWT } from 'jose';
import { webcrypto } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { DecodedEvent, FrameDecoder, RawFrame } from '../../../src-main/core/providers/frame';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import { createOpentactDecoder } from '../../../src-main/core/providers/opentact';
import { createVoipbinDecoder } from '../../../src-main/core/providers/voipbin';
import { createRawWebSocketDecoder } from '../../../src-main/core/providers/websocket';
import { bytesFrame, decode, textFrame } from './frames';

const decoders: [string, () => FrameDecoder][] = [
  ['dialpad (no secret)', () => createDialpadDecoder({})],
  ['dialpad (secret)', () => createDialpadDecoder({ jwtSecret: 's3cret' })],
  ['voipbin', () => createVoipbinDecoder()],
  ['opentact', () => createOpentactDecoder()],
  ['websocket', () => createRawWebSocketDecoder()],
];

const deep = '['.repeat(10_000) + ']'.repeat(10_000);
const deepObject = '{"a":'.repeat(10_000) + 'null' + '}'.repeat(10_000);

const hostileFrames: [string, RawFrame][] = [
  ['empty text', textFrame('')],
  ['blank text', textFrame(' \n\t ')],
  ['null', textFrame('null')],
  ['empty array', textFrame('[]')],
  ['empty object', textFrame('{}')],
  ['top-level number', textFrame('6524329623650304123')],
  ['top-level string', textFrame('"connected"')],
  ['true', textFrame('true')],
  ['nested 10k arrays', textFrame(deep)],
  ['nested 10k objects', textFrame(deepObject)],
  ['unclosed 10k arrays', textFrame('['.repeat(10_000))],
  ['huge string', textFrame(JSON.stringify({ text: 'x'.repeat(900_000) }))],
  ['huge plain text', textFrame('y'.repeat(900_000))],
  ['invalid UTF-8', bytesFrame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), false)],
  ['binary', bytesFrame(Buffer.from([0, 1, 2, 3, 255]), true)],
  ['empty binary', bytesFrame(Buffer.alloc(0), true)],
  ['over the size limit', textFrame(JSON.stringify({ call_id: 1, state: 'x', pad: 'é'.repeat(700_000) }))],
  ['__proto__ key', textFrame('{"__proto__": {"polluted": true}, "call_id": 1, "state": "ringing"}')],
  [
    'constructor keys',
    textFrame('{"constructor": {"prototype": {"polluted": true}}, "type": "call_hangup", "data": {"__proto__": {"x": 1}}}'),
  ],
  ['prototype-named values', textFrame('{"call_id": {"toString": 1}, "state": {"valueOf": 2}, "target": "__proto__"}')],
  ['prototype-named states', textFrame('{"call_id": 1, "state": "constructor", "event": "__proto__", "contact": {}}')],
  [
    'prototype-named voipbin status',
    textFrame('{"id": "q", "queue_id": "x", "reference_id": "y", "status": "constructor", "tm_update": 1}'),
  ],
  ['prototype-named recording status', textFrame('{"id": "r", "recording_name": "x", "status": "__proto__"}')],
  [
    'prototype-named opentact state',
    textFrame('{"type": "call_state", "payload": {"state": "constructor"}, "call": {"uuid": "u", "direction": "valueOf"}}'),
  ],
  ['prototype-named event name', textFrame('{"type": "__proto___constructor", "data": {"id": "x"}}')],
  [
    'wrong field types',
    textFrame('{"call_id": [], "state": 7, "event_timestamp": "soon", "target": 5, "contact": [1], "direction": {}}'),
  ],
  ['wrapped with null data', textFrame('{"type": "call_hangup", "data": null}')],
  [
    'opentact-ish with junk',
    textFrame('{"type": "call_state", "call": "nope", "payload": [1], "created_on": {"a": 1}}'),
  ],
  ['auth junk', textFrame('{"type": "auth", "payload": "x", "success": "yes"}')],
  ['JWS-looking garbage', textFrame('eyJhbGciOi.x.y')],
  ['JWS with binary payload', textFrame(`eyJhbGciOiJIUzI1NiJ9.${Buffer.from([0xff, 0xfe]).toString('base64url')}.abc`)],
  ['JWS with array claims', textFrame(`eyJhbGciOiJIUzI1NiJ9.${Buffer.from('[1,2]').toString('base64url')}.abc`)],
  ['lone surrogate escape', textFrame('{"call_id": "\\ud800", "state": "\\udfff"}')],
  ['control characters', textFrame('{"a": "\u0000"}')],
  [
    'numbers at the edge',
    textFrame('{"call_id": 1e400, "state": "hangup", "duration": -1e400, "event_timestamp": 1e308}'),
  ],
];

function expectWellFormed(event: DecodedEvent): void {
  expect(typeof event.topic).toBe('string');
  expect(event.topic.length).toBeGreaterThan(0);
  expect(typeof event.type).toBe('string');
  expect(event.type).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
  expect(typeof event.summary).toBe('string');
  expect(event.summary.length).toBeLessThanOrEqual(240);
  expect(typeof event.raw).toBe('string');
  expect(['text', 'base64']).toContain(event.rawEncoding);
  expect(event.callId === null || typeof event.callId === 'string').toBe(true);
  expect(event.occurredAt === null || Number.isFinite(event.occurredAt)).toBe(true);
  expect([true, false, null]).toContain(event.verified);
  // Everything an event holds must survive the store's JSON serialization.
  expect(() => JSON.stringify(event)).not.toThrow();
}

describe.each(decoders)('%s decoder on hostile frames', (_name, makeDecoder) => {
  it.each(hostileFrames)('%s: never throws, never drops', async (_label, frame) => {
    const decoder = makeDecoder();
    let result: ReturnType<FrameDecoder['decode']> | undefined;
    expect(() => {
      result = decoder.decode(frame);
    }).not.toThrow();
    const events = await result;
    expect(events?.length).toBeGreaterThanOrEqual(1);
    for (const event of events ?? []) expectWellFormed(event);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('size limit', () => {
  it('keeps the first 64 KiB of an oversized text frame, cut on a character boundary', async () => {
    const text = JSON.stringify({ pad: 'é'.repeat(600_000) });
    const [event] = await decode(createVoipbinDecoder(), textFrame(text));
    const size = Buffer.byteLength(text);
    expect(event).toMatchObject({
      type: 'system.malformed',
      rawEncoding: 'text',
      payload: { error: 'frame_too_large', sizeBytes: size, limitBytes: 1_048_576, isBinary: false },
    });
    expect(event?.summary).toContain(`(${size} bytes)`);
    expect(text.startsWith(event?.raw ?? 'x')).toBe(true);
    expect(Buffer.byteLength(event?.raw ?? '')).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(event?.raw ?? '')).toBeGreaterThan(65_530);
  });

  it('honours a configured limit', async () => {
    const decoder = createOpentactDecoder({ maxFrameBytes: 10 });
    const [event] = await decode(decoder, textFrame('{"type":"call_state"}'));
    expect(event?.payload).toMatchObject({ error: 'frame_too_large', sizeBytes: 21, limitBytes: 10, keptBytes: 10 });
    expect(event?.raw).toBe('{"type":"c');
  });

  it('keeps binary heads of oversized frames for JSON providers as base64', async () => {
    const decoder = createDialpadDecoder({ maxFrameBytes: 1000 });
    const [event] = await decode(decoder, bytesFrame(Buffer.alloc(5000, 1), true));
    expect(event).toMatchObject({ type: 'system.malformed', rawEncoding: 'base64', payload: { keptBytes: 1000 } });
  });
});

describe('JWT key handling', () => {
  it('imports the JWT secret once per decoder, not once per frame', async () => {
    const secret = 's3cret';
    const token = await new SignJWT({ call_id: 1, state: 'ringing', event_timestamp: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    const importKey = vi.spyOn(webcrypto.subtle, 'importKey');
    try {
      const decoder = createDialpadDecoder({ jwtSecret: secret });
      const results = await Promise.all(Array.from({ length: 50 }, () => decode(decoder, textFrame(token))));
      expect(results.every((events) => events[0]?.verified === true)).toBe(true);
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });
});
