import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AuthError } from '../../../src-main/core/connection/connection';
import type { ConnectionDriver, TargetReason } from '../../../src-main/core/connection/connection';
import { range, record, sleep, TestScope, waitFor } from './harness';
import type { TestServer } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

const LIFETIME_MS = 400;

/** Hands out a fresh URL that expires LIFETIME_MS later, as Dialpad does with its 1-hour sockets. */
function expiringDriver(server: TestServer, extra: Partial<ConnectionDriver> = {}) {
  const reasons: TargetReason[] = [];
  const driver: ConnectionDriver = {
    resolveTarget: async (reason) => {
      reasons.push(reason);
      const expiresAt = Date.now() + LIFETIME_MS;
      return { url: `${server.url}/events?token=t${reasons.length}&expires=${expiresAt}`, expiresAt };
    },
    ...extra,
  };
  return { driver, reasons };
}

/** Publishes e1, e2, ... every few ms to every open socket, like a provider fanning out events. */
function broadcast(server: TestServer) {
  let published = 0;
  let sent = 0;
  const timer = setInterval(() => {
    published += 1;
    for (const client of server.wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      client.send(`e${published}`);
      sent += 1;
    }
  }, 4);
  scope.onDispose(() => clearInterval(timer));
  return {
    stop: () => clearInterval(timer),
    get sent() {
      return sent;
    },
  };
}

/** Frames received must be e<first>, e<first+1>, ... with no gap and no repeat. */
function expectExactlyOnce(texts: string[]): void {
  const numbers = texts.map((text) => Number(text.slice(1)));
  expect(numbers.length).toBeGreaterThan(20);
  expect(numbers).toEqual(range(numbers[0]!, numbers[0]! + numbers.length - 1));
}

describe('Connection: rotation (make-before-break)', () => {
  it('renews the socket before it expires, losing and repeating nothing across the overlap', async () => {
    const server = await scope.server();
    const closeCodes: number[] = [];
    server.wss.on('connection', (socket) => socket.on('close', (code) => closeCodes.push(code)));
    const events = broadcast(server);
    const { driver, reasons } = expiringDriver(server);
    const connection = scope.connection({ driver, overlapMs: 100 });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.entries('system.rotated').length >= 3, '3 rotations', 5000);
    events.stop();
    await sleep(30);
    await connection.stop();

    expectExactlyOnce(log.texts());
    expect(events.sent).toBeGreaterThan(log.frames.length);
    expect(reasons.slice(0, 4)).toEqual(['initial', 'rotate', 'rotate', 'rotate']);
    expect(log.states.slice(0, 6)).toEqual(['connecting', 'live', 'rotating', 'live', 'rotating', 'live']);
    expect(log.states).not.toContain('reconnecting');
    expect(connection.status.reconnects).toBe(0);
    expect(closeCodes.slice(0, 2)).toEqual([1000, 1000]);
    expect(log.entries('system.rotated')[0]?.summary).toBe(
      'Connection renewed — the previous socket closes in 100 ms',
    );
    expect(log.entries('system.rotating')[0]?.summary).toMatch(/^Renewing the connection \d+ ms before it expires$/);
    expect(log.entries('system.closed')[0]?.summary).toBe(
      'Previous socket closed after the renewal (1000, normal closure: replaced by a renewed connection)',
    );
  });

  it('copes with the server closing the previous socket first', async () => {
    const server = await scope.server();
    const expiryTimers = new Set<NodeJS.Timeout>();
    scope.onDispose(() => expiryTimers.forEach(clearTimeout));
    server.wss.on('connection', (socket, request) => {
      const expiresAt = Number(new URL(request.url ?? '', server.url).searchParams.get('expires'));
      const timer = setTimeout(() => socket.close(4000, 'expired'), expiresAt - Date.now());
      expiryTimers.add(timer);
      socket.on('close', () => clearTimeout(timer));
    });
    const events = broadcast(server);
    const { driver } = expiringDriver(server);
    const connection = scope.connection({ driver, overlapMs: 10_000 });
    const log = record(connection);

    connection.start();
    await waitFor(
      () => log.entries('system.closed').length >= 2 && log.entries('system.rotated').length >= 3,
      'two expired sockets closed by the server',
      5000,
    );
    events.stop();
    await sleep(30);
    await connection.stop();

    expectExactlyOnce(log.texts());
    expect(log.states).not.toContain('reconnecting');
    expect(log.entries('system.closed')[0]).toMatchObject({
      summary: 'Previous socket closed after the renewal (4000, application close: expired)',
      detail: { previous: true, closeCode: 4000 },
    });
  });

  it('keeps the old socket when a renewal fails, and tries again', async () => {
    const server = await scope.server();
    const events = broadcast(server);
    let rotations = 0;
    const { driver } = expiringDriver(server);
    const flakyDriver: ConnectionDriver = {
      resolveTarget: async (reason) => {
        if (reason === 'rotate' && ++rotations === 1) throw new Error('REST API answered 500');
        return driver.resolveTarget(reason);
      },
    };
    const connection = scope.connection({ driver: flakyDriver });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.entries('system.closed').length >= 1, 'the renewal and its overlap', 3000);
    events.stop();
    await sleep(30);
    await connection.stop();

    expectExactlyOnce(log.texts());
    expect(log.states.slice(0, 6)).toEqual(['connecting', 'live', 'rotating', 'live', 'rotating', 'live']);
    expect(log.entries('system.rotation_failed')[0]?.summary).toMatch(
      /^Could not renew the connection: Could not get a new address: REST API answered 500 — retrying in \d+ ms$/,
    );
  });

  it('keeps the old socket when the renewal is refused, then fails at the next reconnect', async () => {
    const server = await scope.server();
    const connection = scope.connection({
      driver: {
        resolveTarget: async (reason) => {
          if (reason !== 'initial') throw new AuthError('token revoked');
          return { url: server.url, expiresAt: Date.now() + LIFETIME_MS };
        },
      },
    });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.entries('system.rotation_failed').length === 1, 'refused renewal');
    await sleep(LIFETIME_MS);
    expect(connection.status.state).toBe('live');
    expect(log.entries('system.rotation_failed')).toHaveLength(1);
    expect(log.entries('system.rotation_failed')[0]?.summary).toBe(
      'Could not renew the connection: The credentials were refused: token revoked' +
        ' — keeping the current socket until the server closes it',
    );

    server.accepted[0]!.socket.close(4000, 'expired');
    await waitFor(() => connection.status.state === 'failed', 'failed');
    expect(log.states).toEqual(['connecting', 'live', 'rotating', 'live', 'reconnecting', 'connecting', 'failed']);
  });

  it('reconnects normally when the server closes the socket before the renewal was due', async () => {
    const server = await scope.server();
    const reasons: TargetReason[] = [];
    const connection = scope.connection({
      driver: {
        resolveTarget: async (reason) => {
          reasons.push(reason);
          return { url: server.url, expiresAt: Date.now() + 60_000 };
        },
      },
    });
    const log = record(connection);
    connection.start();
    const { socket } = await server.nextSocket();
    await waitFor(() => connection.status.state === 'live', 'live');
    socket.terminate();
    await waitFor(() => log.states.filter((state) => state === 'live').length === 2, 'live again');
    expect(reasons).toEqual(['initial', 'reconnect']);
    expect(log.states).toEqual(['connecting', 'live', 'reconnecting', 'connecting', 'live']);
    expect(connection.status.tokenExpiresAt).toBeGreaterThan(Date.now() + 50_000);
  });

  it('carries on with the new socket when the old one dies while the renewal is under way', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => {
      // The server cuts every older socket as soon as a new one arrives.
      for (const client of server.wss.clients) if (client !== socket) client.terminate();
      socket.on('message', () => socket.send('subscribed'));
    });
    const { driver } = expiringDriver(server, {
      handshake: async (ctx) => {
        ctx.send('subscribe');
        await ctx.nextFrame(500);
        if (ctx.reason === 'rotate') await sleep(50);
      },
    });
    const connection = scope.connection({ driver });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.entries('system.rotated').length === 1, 'renewed');

    expect(log.states.slice(0, 5)).toEqual(['connecting', 'handshaking', 'live', 'rotating', 'live']);
    expect(log.entries('system.closed')[0]?.summary).toBe(
      'Server closed the connection (1006, no close frame) before the renewed connection was ready — waiting for it',
    );
    expect(log.entries('system.rotated')[0]?.summary).toBe(
      'Connection renewed (the previous socket had already closed)',
    );
    expect(connection.status.reconnects).toBe(0);
  });
});
