import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ConnectionDriver } from '../../../src-main/core/connection/connection';
import { range, sleep, staticDriver, TestScope, waitFor } from '../connection/harness';
import { callFrame, callNumber, frameEvents, openPipeline } from './pipeline-harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('pipeline: server drop, restart and rotation', () => {
  it('stores the drop and the reconnect with their close codes, and every frame sent after the reconnect', async () => {
    const first = await scope.server();
    const port = first.port;
    const pipeline = openPipeline(scope, { driver: staticDriver(first.url) });
    pipeline.connection.start();
    const { socket } = await first.nextSocket();
    for (const n of range(1, 50)) socket.send(callFrame(n));
    await waitFor(() => frameEvents(pipeline.stored).length >= 50, 'the first 50 frames');
    // The server goes away mid-stream (restarting), then comes back on the same port.
    socket.close(1012, 'service restart');
    await first.close();
    await waitFor(() => pipeline.connection.status.state === 'reconnecting', 'reconnecting');
    const second = await scope.server({ port });
    const { socket: again } = await second.nextSocket(5000);
    await waitFor(() => pipeline.connection.status.state === 'live', 'live again');
    for (const n of range(51, 120)) again.send(callFrame(n));
    await waitFor(() => frameEvents(pipeline.stored).length >= 120, 'all 120 frames', 5000);

    const events = await pipeline.settle();
    expect(frameEvents(events).map(callNumber)).toEqual(range(1, 120));
    const closed = events.find((event) => event.type === 'system.closed');
    expect(closed?.payload).toMatchObject({ closeCode: 1012 });
    expect(closed?.summary).toContain('1012');
    const connected = events.filter((event) => event.type === 'system.connected');
    expect(connected.map((event) => event.summary)).toEqual([`Connected to ws://127.0.0.1:${port}`, `Reconnected to ws://127.0.0.1:${port}`]);
    // The timeline reads in order: frames, the close, the reconnect, the later frames.
    const order = (type: string) => events.findIndex((event) => event.type === type);
    expect(order('system.closed')).toBeGreaterThan(events.findIndex((event) => callNumber(event) === 50));
    expect(events.findIndex((event) => callNumber(event) === 51)).toBeGreaterThan(events.indexOf(connected[1]!));
  });

  it('stores zero duplicates across the overlap of a make-before-break rotation', async () => {
    const server = await scope.server();
    const lifetimeMs = 300;
    const driver: ConnectionDriver = {
      resolveTarget: async () => ({ url: server.url, expiresAt: Date.now() + lifetimeMs }),
    };
    const pipeline = openPipeline(scope, { driver, overlapMs: 100 });
    // A provider fanning out every event to every open socket: during the overlap both get it.
    let published = 0;
    const timer = setInterval(() => {
      published++;
      for (const client of server.wss.clients) if (client.readyState === WebSocket.OPEN) client.send(callFrame(published));
    }, 3);
    scope.onDispose(() => clearInterval(timer));

    pipeline.connection.start();
    await waitFor(() => pipeline.stored.filter((event) => event.type === 'system.rotated').length >= 3, 'three rotations', 5000);
    clearInterval(timer);
    await sleep(30);

    const numbers = frameEvents(await pipeline.settle()).map(callNumber);
    expect(numbers.length).toBeGreaterThan(100);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(range(numbers[0]!, numbers[0]! + numbers.length - 1));
    expect(pipeline.store.countMatching({ types: ['call.ringing'] })).toBe(numbers.length);
  });
});
