import { afterEach, describe, expect, it } from 'vitest';
import { staticDriver, TestScope, waitFor } from '../connection/harness';
import { callFrame, frameEvents, openPipeline } from './pipeline-harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

const TEN_MB = 10 * 1024 * 1024;

describe('pipeline: malformed frames from a real socket', () => {
  it('stores each as a visible system.malformed entry with its raw bytes, and the socket stays up', async () => {
    const server = await scope.server();
    const pipeline = openPipeline(scope, { driver: staticDriver(server.url) });
    pipeline.connection.start();
    const { socket } = await server.nextSocket();

    const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x7d]);
    const huge = Buffer.alloc(TEN_MB, 0x61);
    huge.write('{"call_id":', 0);
    socket.send(callFrame(1));
    socket.send(invalidUtf8, { binary: false });
    socket.send('{"call_id": 12, "state": ');
    socket.send(Buffer.from([0, 1, 2, 3, 254, 255]), { binary: true });
    socket.send(huge, { binary: false });
    socket.send(callFrame(2));

    await waitFor(() => frameEvents(pipeline.stored).length >= 6, 'six stored frames', 10_000);
    const events = frameEvents(await pipeline.settle());
    expect(events.map((event) => event.type)).toEqual([
      'call.ringing',
      'system.malformed',
      'system.malformed',
      'system.malformed',
      'system.malformed',
      'call.ringing',
    ]);
    const [, utf8, json, binary, tooLarge] = events;
    expect(utf8).toMatchObject({ rawEncoding: 'base64', raw: invalidUtf8.toString('base64'), payload: { error: 'invalid_utf8' } });
    expect(utf8?.summary).toBe('Invalid UTF-8 at byte 5 (0xff)');
    expect(json).toMatchObject({ rawEncoding: 'text', raw: '{"call_id": 12, "state": ', payload: { error: 'invalid_json' } });
    expect(json?.summary).toMatch(/^Invalid JSON at position 25/);
    expect(binary).toMatchObject({ rawEncoding: 'base64', raw: 'AAECA/7/', payload: { error: 'binary_frame', sizeBytes: 6 } });
    expect(binary?.summary).toBe('Binary frame (6 B) where a JSON text frame was expected');
    expect(tooLarge?.payload).toMatchObject({ error: 'frame_too_large', sizeBytes: TEN_MB });
    expect(tooLarge?.summary).toMatch(/^Frame too large: 10\.0 MiB \(10485760 bytes\) over the 1\.0 MiB limit; first 64\.0 KiB kept$/);
    // The head is kept, bounded: the store never holds the whole 10 MB.
    expect(tooLarge?.raw.startsWith('{"call_id":aaaa')).toBe(true);
    expect(tooLarge!.raw.length).toBeLessThanOrEqual(64 * 1024);

    expect(pipeline.connection.status.state).toBe('live');
    expect(pipeline.connection.status.reconnects).toBe(0);
    expect(pipeline.store.countMatching({ types: ['system.malformed'] })).toBe(4);
  });
});
