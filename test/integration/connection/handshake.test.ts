import { afterEach, describe, expect, it } from 'vitest';
import type { TargetReason } from '../../../src-main/core/connection/connection';
import { record, sleep, staticDriver, TestScope, waitFor } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('Connection: handshake', () => {
  it('signs in and resubscribes after every reconnect; replies it reads are not emitted', async () => {
    const server = await scope.server();
    const received: string[][] = [];
    server.wss.on('connection', (socket) => {
      const messages: string[] = [];
      received.push(messages);
      const connectionNumber = received.length;
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string };
        messages.push(message.type);
        if (message.type === 'auth') socket.send('{"type":"auth","ok":true}');
        if (message.type === 'subscribe') {
          socket.send(`c${connectionNumber}-e1`);
          socket.send(`c${connectionNumber}-e2`);
        }
      });
    });
    const reasons: TargetReason[] = [];
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          reasons.push(ctx.reason);
          ctx.send('{"type":"auth","payload":"token"}');
          const reply = await ctx.nextFrame(500);
          expect(reply.data.toString()).toBe('{"type":"auth","ok":true}');
          ctx.send('{"type":"subscribe","topics":["customer_id:1"]}');
        },
      }),
    });
    const log = record(connection);

    connection.start();
    await waitFor(() => log.frames.length === 2, 'events of the first socket');
    server.accepted[0]!.socket.terminate();
    await waitFor(() => log.frames.length === 4, 'events of the second socket');

    expect(reasons).toEqual(['initial', 'reconnect']);
    expect(received).toEqual([
      ['auth', 'subscribe'],
      ['auth', 'subscribe'],
    ]);
    expect(log.texts()).toEqual(['c1-e1', 'c1-e2', 'c2-e1', 'c2-e2']);
    expect(log.states).toEqual([
      'connecting',
      'handshaking',
      'live',
      'reconnecting',
      'connecting',
      'handshaking',
      'live',
    ]);
    expect(log.entries('system.handshaking')[0]?.summary).toBe(
      `Socket open to ${server.url} — signing in and subscribing`,
    );
  });

  it('delivers, in order and after going live, the frames the handshake did not read', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => {
      socket.on('message', () => {
        socket.send('auth-ok');
        socket.send('e1');
        socket.send('e2');
      });
    });
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          ctx.send('auth');
          await ctx.nextFrame(500);
          // Let the events pile up behind the reply before the handshake ends.
          await sleep(50);
        },
      }),
    });
    const log = record(connection);
    const statesAtFrames: string[] = [];
    connection.on('frame', () => statesAtFrames.push(connection.status.state));

    connection.start();
    await waitFor(() => log.frames.length === 2, 'e1, e2');
    server.accepted[0]!.socket.send('e3');
    await waitFor(() => log.frames.length === 3, 'e3');

    expect(log.texts()).toEqual(['e1', 'e2', 'e3']);
    expect(statesAtFrames).toEqual(['live', 'live', 'live']);
  });

  it('gives up on a handshake that gets no reply, and reconnects', async () => {
    const server = await scope.server();
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          ctx.send('auth');
          await ctx.nextFrame(60);
        },
      }),
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => log.states.includes('reconnecting'), 'reconnecting');
    await waitFor(() => server.accepted.length >= 2, 'a second attempt');
    expect(log.entries('system.handshake_failed')[0]?.summary).toMatch(
      /^Handshake failed: Waiting for a frame from the server timed out after 60 ms — reconnecting in \d+ ms$/,
    );
  });

  it('bounds a handshake that never finishes with handshakeTimeoutMs', async () => {
    const server = await scope.server();
    const connection = scope.connection({
      handshakeTimeoutMs: 80,
      driver: staticDriver(server.url, { handshake: () => new Promise<void>(() => {}) }),
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => log.states.includes('reconnecting'), 'reconnecting');
    expect(log.entries('system.handshake_failed')[0]?.summary).toMatch(
      /^Handshake failed: The handshake timed out after 80 ms — reconnecting in \d+ ms$/,
    );
  });

  it('reports a server that closes the socket during the handshake', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => socket.on('message', () => socket.terminate()));
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          ctx.send('{"type":"subscribe","topics":["customer_id:x:call:*"]}');
          await ctx.nextFrame(500);
        },
      }),
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => log.states.includes('reconnecting'), 'reconnecting');
    const failure = log.entries('system.handshake_failed')[0]!;
    expect(failure.summary).toMatch(
      /^The server closed the connection during the handshake \(1006, no close frame\) — reconnecting in \d+ ms$/,
    );
    expect(failure.detail.closeCode).toBe(1006);
  });
});
