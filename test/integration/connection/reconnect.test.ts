import { afterEach, describe, expect, it } from 'vitest';
import { freePort, range, record, sleep, staticDriver, TestScope, TestServer, waitFor } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('Connection: reconnecting', () => {
  it('reconnects with backoff when the server drops the socket mid-stream, losing no frame it sent', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url), random: () => 1 });
    const log = record(connection);

    connection.start();
    const first = await server.nextSocket();
    for (const n of range(1, 5)) first.socket.send(`e${n}`);
    await waitFor(() => log.frames.length === 5, 'first 5 frames');
    first.socket.terminate();

    const second = await server.nextSocket();
    await waitFor(() => connection.status.state === 'live', 'live again');
    for (const n of range(6, 10)) second.socket.send(`e${n}`);
    await waitFor(() => log.frames.length === 10, 'all 10 frames');

    expect(log.texts()).toEqual(range(1, 10).map((n) => `e${n}`));
    expect(log.states).toEqual(['connecting', 'live', 'reconnecting', 'connecting', 'live']);
    expect(connection.status.reconnects).toBe(1);

    const waiting = log.statuses[2]!;
    expect(waiting).toMatchObject({ state: 'reconnecting', closeCode: 1006, reconnects: 1 });
    expect(waiting.retryAt! - waiting.since).toBeGreaterThanOrEqual(15);
    expect(waiting.retryAt! - waiting.since).toBeLessThanOrEqual(20);
    expect(log.statuses[4]?.retryAt).toBeNull();

    const closed = log.entries('system.closed')[0]!;
    expect(closed.summary).toBe('Server closed the connection (1006, no close frame) — reconnecting in 20 ms');
    expect(closed.detail).toMatchObject({ from: 'live', to: 'reconnecting', closeCode: 1006, delayMs: 20 });
    expect(log.types()).toEqual([
      'system.connecting',
      'system.connected',
      'system.closed',
      'system.connecting',
      'system.connected',
    ]);
    expect(log.entries('system.connected')[1]?.summary).toBe(`Reconnected to ${server.url}`);
  });

  it('reports the close code and reason the server sent', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url), random: () => 0 });
    const log = record(connection);
    connection.start();
    const { socket } = await server.nextSocket();
    await waitFor(() => connection.status.state === 'live', 'live');
    socket.close(4000, 'token expired');
    await waitFor(() => log.states.includes('reconnecting'), 'reconnecting');
    expect(log.entries('system.closed')[0]?.summary).toBe(
      'Server closed the connection (4000, application close: token expired) — reconnecting in 0 ms',
    );
    expect(log.statuses.find((status) => status.state === 'reconnecting')?.closeCode).toBe(4000);
  });

  it('retries a refused connection with growing delays', async () => {
    const port = await freePort();
    const connection = scope.connection({
      driver: staticDriver(`ws://127.0.0.1:${port}`),
      backoff: { baseMs: 10, capMs: 1000 },
      random: () => 1,
    });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.entries('system.connect_failed').length >= 4, '4 failed attempts');
    await connection.stop();

    const failures = log.entries('system.connect_failed').slice(0, 4);
    expect(failures.map((entry) => entry.detail.delayMs)).toEqual([10, 20, 40, 80]);
    expect(failures[0]?.summary).toBe(
      `Could not connect: connection refused (127.0.0.1:${port}) — reconnecting in 10 ms`,
    );
    expect(log.states.slice(0, 5)).toEqual(['connecting', 'reconnecting', 'connecting', 'reconnecting', 'connecting']);
    expect(log.states).not.toContain('failed');
    expect(connection.status.reconnects).toBeGreaterThanOrEqual(4);
  });

  it('recovers when the server restarts on the same port', async () => {
    const first = await TestServer.start();
    const port = first.port;
    const connection = scope.connection({ driver: staticDriver(first.url), backoff: { baseMs: 20, capMs: 50 } });
    const log = record(connection);

    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
    await first.close();
    await waitFor(() => log.entries('system.connect_failed').length >= 2, 'refused while the server is down');

    const restarted = await scope.server({ port });
    restarted.wss.on('connection', (socket) => socket.send('back'));
    await waitFor(() => log.texts().includes('back'), 'a frame from the restarted server');

    expect(connection.status.state).toBe('live');
    expect(log.states.slice(0, 3)).toEqual(['connecting', 'live', 'reconnecting']);
    expect(log.states.at(-1)).toBe('live');
    expect(log.types()).toContain('system.closed');
  });

  it('gives up on a resolveTarget that never answers, and tries again', async () => {
    let calls = 0;
    const connection = scope.connection({
      handshakeTimeoutMs: 50,
      driver: {
        resolveTarget: () => {
          calls += 1;
          return new Promise(() => {});
        },
      },
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => calls >= 2, 'a second attempt');
    expect(log.entries('system.connect_failed')[0]?.summary).toMatch(
      /^Could not prepare the connection: Getting the socket address timed out after 50 ms — reconnecting in \d+ ms$/,
    );
  });

  it('starts the backoff over once a socket stayed live long enough', async () => {
    const server = await scope.server();
    const connection = scope.connection({
      driver: staticDriver(server.url),
      backoff: { baseMs: 20, capMs: 1000, resetAfterLiveMs: 100 },
      random: () => 1,
    });
    const log = record(connection);
    connection.start();

    // Two quick drops grow the delay; a drop after a long live period starts from the base again.
    for (const liveForMs of [0, 0, 150]) {
      const { socket } = await server.nextSocket();
      await waitFor(() => connection.status.state === 'live', 'live');
      await sleep(liveForMs);
      socket.terminate();
      await waitFor(() => connection.status.state === 'reconnecting', 'reconnecting');
    }
    await connection.stop();

    expect(log.entries('system.closed').map((entry) => entry.detail.delayMs)).toEqual([20, 40, 20]);
  });
});

describe('Connection: heartbeat', () => {
  it('cuts a half-open socket after two intervals without a pong, then reconnects', async () => {
    const server = await scope.server({ autoPong: false });
    const connection = scope.connection({ driver: staticDriver(server.url), heartbeatIntervalMs: 50, random: () => 0 });
    const log = record(connection);

    connection.start();
    const first = await server.nextSocket();
    const pingsSeen: number[] = [];
    first.socket.on('ping', () => pingsSeen.push(Date.now()));
    const serverSawClose = new Promise<number>((resolve) => first.socket.on('close', (code) => resolve(code)));
    await waitFor(() => connection.status.state === 'live', 'live');
    await waitFor(() => log.states.includes('reconnecting'), 'heartbeat timeout', 2000);
    await server.nextSocket();
    await waitFor(() => log.states.filter((state) => state === 'live').length === 2, 'live again');

    expect(await serverSawClose).toBe(1006);
    expect(pingsSeen).toHaveLength(2);
    const liveAt = log.statuses[1]!.since;
    const timedOutAt = log.statuses[2]!.since;
    expect(timedOutAt - liveAt).toBeGreaterThanOrEqual(140);
    expect(timedOutAt - liveAt).toBeLessThan(1000);
    const timeout = log.entries('system.heartbeat_timeout')[0]!;
    expect(timeout.summary).toBe('The server stopped answering pings (half-open connection) — reconnecting in 0 ms');
    expect(log.states.slice(0, 5)).toEqual(['connecting', 'live', 'reconnecting', 'connecting', 'live']);
  });

  it('keeps a socket whose server answers pings', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url), heartbeatIntervalMs: 30 });
    const log = record(connection);
    connection.start();
    const { socket } = await server.nextSocket();
    let pings = 0;
    socket.on('ping', () => (pings += 1));
    // Five intervals' worth of pings, with room for timers a loaded machine runs late.
    const deadline = Date.now() + 3_000;
    while (pings < 5 && Date.now() < deadline) await sleep(30);
    expect(pings).toBeGreaterThanOrEqual(5);
    expect(log.states).toEqual(['connecting', 'live']);
  });
});
