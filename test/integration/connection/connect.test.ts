import { afterEach, describe, expect, it } from 'vitest';
import { activeHandles, freePort, range, record, sleep, staticDriver, TestScope, waitFor } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('Connection: connecting and receiving', () => {
  it('connects and delivers every frame in order', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => {
      for (const n of range(1, 200)) socket.send(JSON.stringify({ n }));
    });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.frames.length === 200, '200 frames');

    expect(log.texts()).toEqual(range(1, 200).map((n) => JSON.stringify({ n })));
    expect(log.frames.every((frame) => Buffer.isBuffer(frame.data) && !frame.isBinary)).toBe(true);
    expect(log.states).toEqual(['connecting', 'live']);
    expect(log.types()).toEqual(['system.connecting', 'system.connected']);
    expect(log.entries('system.connected')[0]?.summary).toBe(`Connected to ${server.url}`);
    expect(connection.status).toMatchObject({
      profileId: 'profile-1',
      connectionId: 'conn-1',
      state: 'live',
      reconnects: 0,
      retryAt: null,
      closeCode: null,
    });
  });

  it('never shows the socket path or query, which may carry a token', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(`${server.url}/events/SECRET-TOKEN?token=SECRET`) });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
    expect(JSON.stringify([log.lifecycle, log.statuses])).not.toContain('SECRET');
  });

  it('delivers invalid UTF-8 text frames and binary frames as frames, and keeps the socket', async () => {
    const server = await scope.server();
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x41, 0x7d]);
    const binary = Buffer.from([0, 1, 2, 254, 255]);
    server.wss.on('connection', (socket) => {
      socket.send(invalidUtf8, { binary: false });
      socket.send(binary, { binary: true });
      socket.send('after');
    });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.frames.length === 3, '3 frames');
    await sleep(50);

    expect(log.frames[0]).toMatchObject({ isBinary: false, data: invalidUtf8 });
    expect(log.frames[1]).toMatchObject({ isBinary: true, data: binary });
    expect(log.texts()[2]).toBe('after');
    expect(connection.status.state).toBe('live');
    expect(log.types()).toEqual(['system.connecting', 'system.connected']);
  });

  it('receives a 10 MB frame', async () => {
    const server = await scope.server();
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    server.wss.on('connection', (socket) => socket.send(big, { binary: false }));
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.frames.length === 1, 'the big frame', 10_000);

    expect(log.frames[0]?.data.equals(big)).toBe(true);
    expect(connection.status.state).toBe('live');
  });

  it('delivers identical frames on the same socket every time (provider duplicates are not ours to drop)', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => {
      for (let i = 0; i < 3; i += 1) socket.send('same');
    });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);
    connection.start();
    await waitFor(() => log.frames.length === 3, '3 frames');
    await sleep(30);
    expect(log.texts()).toEqual(['same', 'same', 'same']);
  });

  it('survives listeners that throw, and reports them', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => socket.send('one'));
    const connection = scope.connection({ driver: staticDriver(server.url) });
    connection.on('frame', () => {
      throw new Error('listener bug');
    });
    connection.on('state', () => {
      throw new Error('state listener bug');
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => log.frames.length === 1, 'the frame');
    expect(connection.status.state).toBe('live');
    expect(log.entries('system.error').map((entry) => entry.summary)).toContain(
      "A 'frame' listener failed: listener bug",
    );
  });
});

describe('Connection: stop()', () => {
  it('closes the socket with 1000, clears every timer and never reconnects', async () => {
    const before = activeHandles();
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url), heartbeatIntervalMs: 50 });
    const log = record(connection);

    connection.start();
    const { socket } = await server.nextSocket();
    await waitFor(() => connection.status.state === 'live', 'live');
    const serverSawClose = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await connection.stop('User pressed disconnect');

    expect(await serverSawClose).toBe(1000);
    expect(connection.status).toMatchObject({ state: 'closed', reason: 'User pressed disconnect', retryAt: null });
    expect(log.states).toEqual(['connecting', 'live', 'closed']);
    expect(log.lifecycle.at(-1)).toMatchObject({ type: 'system.disconnected', summary: 'User pressed disconnect' });

    await sleep(150);
    expect(server.accepted).toHaveLength(1);
    expect(log.states).toHaveLength(3);
    await server.close();
    const after = activeHandles();
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
  });

  it('cancels a pending reconnect', async () => {
    const before = activeHandles();
    const port = await freePort();
    const connection = scope.connection({
      driver: staticDriver(`ws://127.0.0.1:${port}`),
      backoff: { baseMs: 5_000, capMs: 5_000 },
      random: () => 1,
    });
    connection.start();
    await waitFor(() => connection.status.state === 'reconnecting', 'reconnecting');
    expect(connection.status.retryAt).toBeGreaterThan(Date.now());

    await connection.stop();

    expect(connection.status).toMatchObject({ state: 'closed', retryAt: null });
    expect(activeHandles().Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
  });

  it('can start again after stop', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
    await connection.stop();
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live again');
    expect(log.states).toEqual(['connecting', 'live', 'closed', 'connecting', 'live']);
    expect(server.accepted).toHaveLength(2);
  });
});
