import { describe, expect, it } from 'vitest';
import { createRawWebSocketDecoder } from '../../../src-main/core/providers/websocket';
import { bytesFrame, decode, decodeOne } from './frames';

const decoder = createRawWebSocketDecoder();

describe('raw WebSocket decoder', () => {
  it('parses JSON text and shows its type first', async () => {
    expect(await decodeOne(decoder, '{"type":"tick","n":1}')).toMatchObject({
      topic: 'messages',
      type: 'message.json',
      payload: { type: 'tick', n: 1 },
      summary: 'tick · {"type":"tick","n":1}',
      raw: '{"type":"tick","n":1}',
      rawEncoding: 'text',
      verified: null,
      callId: null,
    });
    expect(await decodeOne(decoder, '42')).toMatchObject({ type: 'message.json', payload: 42 });
  });

  it('keeps non-JSON text as text, with no payload', async () => {
    expect(await decodeOne(decoder, 'hello\nworld')).toMatchObject({
      type: 'message.text',
      payload: null,
      summary: 'hello world',
    });
    expect(await decodeOne(decoder, '{broken')).toMatchObject({ type: 'message.text', payload: null });
    expect(await decodeOne(decoder, '')).toMatchObject({ type: 'message.text', summary: '(empty text frame)' });
  });

  it('masks credentials echoed in a summary but keeps them in raw', async () => {
    const raw = 'auth ok token=abc123def';
    const event = await decodeOne(decoder, raw);
    expect(event.summary).toBe('auth ok token=«redacted»');
    expect(event.raw).toBe(raw);
  });

  it('stores binary frames as base64 with a hex preview, never as malformed', async () => {
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const [event] = await decode(decoder, bytesFrame(data, true));
    expect(event).toMatchObject({
      type: 'message.binary',
      raw: data.toString('base64'),
      rawEncoding: 'base64',
      payload: { sizeBytes: 10, hex: '89504e470d0a1a0aff00', base64Length: 16 },
      summary: 'binary · 10 B · 89 50 4e 47 0d 0a 1a 0a ff 00',
    });
  });

  it('limits the hex preview to 256 bytes and keeps the head of an oversized binary frame', async () => {
    const small = createRawWebSocketDecoder({ maxFrameBytes: 100_000 });
    const data = Buffer.alloc(200_000, 0xab);
    const [event] = await decode(small, bytesFrame(data, true));
    expect(event?.type).toBe('message.binary');
    expect(event?.payload).toMatchObject({ sizeBytes: 200_000, truncated: true, keptBytes: 65_536 });
    expect((event?.payload as { hex: string }).hex).toHaveLength(512);
    expect(Buffer.from(event?.raw ?? '', 'base64')).toHaveLength(65_536);
  });

  it('reports invalid UTF-8 in a text frame as malformed, raw in base64', async () => {
    const data = Buffer.from([0x68, 0x69, 0xc3]);
    const [event] = await decode(decoder, bytesFrame(data, false));
    expect(event).toMatchObject({
      type: 'system.malformed',
      raw: 'aGnD',
      rawEncoding: 'base64',
      summary: 'Invalid UTF-8 at byte 2 (0xc3)',
      payload: { error: 'invalid_utf8', sizeBytes: 3 },
    });
  });
});
