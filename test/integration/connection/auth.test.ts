import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/connection/connection';
import { record, sleep, staticDriver, TestScope, waitFor } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('Connection: refused credentials', () => {
  it.each([401, 403])('fails on HTTP %i to the upgrade and does not retry', async (status) => {
    let attempts = 0;
    const server = await scope.server({
      verifyClient: (_info, reply) => {
        attempts += 1;
        reply(false, status, 'Unauthorized');
      },
    });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);

    connection.start();
    await waitFor(() => connection.status.state === 'failed', 'failed');
    await sleep(150);

    expect(attempts).toBe(1);
    expect(log.states).toEqual(['connecting', 'failed']);
    expect(connection.status).toMatchObject({
      state: 'failed',
      reason: `The server refused the credentials (HTTP ${status})`,
      retryAt: null,
    });
    expect(log.lifecycle.at(-1)).toMatchObject({
      type: 'system.auth_failed',
      summary: `The server refused the credentials (HTTP ${status}) — enter new credentials to reconnect`,
    });
  });

  it('retries other HTTP refusals (the service may be briefly down)', async () => {
    let attempts = 0;
    const server = await scope.server({
      verifyClient: (_info, reply) => {
        attempts += 1;
        reply(false, 503, 'Unavailable');
      },
    });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    const log = record(connection);
    connection.start();
    await waitFor(() => attempts >= 3, '3 attempts');
    expect(log.states).not.toContain('failed');
    expect(log.entries('system.connect_failed')[0]?.summary).toMatch(
      /^The server answered HTTP 503 instead of opening the socket — reconnecting in \d+ ms$/,
    );
  });

  it('fails without retrying when resolveTarget throws AuthError', async () => {
    let calls = 0;
    const connection = scope.connection({
      driver: {
        resolveTarget: async () => {
          calls += 1;
          throw new AuthError('API key revoked');
        },
      },
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'failed', 'failed');
    await sleep(100);
    expect(calls).toBe(1);
    expect(connection.status.reason).toBe('The credentials were refused: API key revoked');
    expect(log.states).toEqual(['connecting', 'failed']);
  });

  it('retries other resolveTarget errors with backoff, then connects', async () => {
    const server = await scope.server();
    const reasons: string[] = [];
    const connection = scope.connection({
      driver: {
        resolveTarget: async (reason) => {
          reasons.push(reason);
          if (reasons.length < 3) throw new Error('HTTP 502 from the REST API');
          return { url: server.url };
        },
      },
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
    expect(reasons).toEqual(['initial', 'reconnect', 'reconnect']);
    expect(log.entries('system.connect_failed')[0]?.summary).toMatch(
      /^Could not prepare the connection: HTTP 502 from the REST API — reconnecting in \d+ ms$/,
    );
    expect(connection.status.reconnects).toBe(2);
  });

  it('fails when the handshake throws AuthError, closing the socket', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) =>
      socket.on('message', () => socket.send('{"type":"auth","error":"bad token"}')),
    );
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          ctx.send('{"type":"auth","payload":"token"}');
          const reply = JSON.parse((await ctx.nextFrame(500)).data.toString()) as { error?: string };
          if (reply.error) throw new AuthError(reply.error);
        },
      }),
    });
    const log = record(connection);

    connection.start();
    const { socket } = await server.nextSocket();
    const serverSawClose = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await waitFor(() => connection.status.state === 'failed', 'failed');
    await sleep(100);

    expect(await serverSawClose).toBe(1000);
    expect(server.accepted).toHaveLength(1);
    expect(log.states).toEqual(['connecting', 'handshaking', 'failed']);
    expect(connection.status.reason).toBe('Sign-in refused: bad token');
    expect(log.frames).toHaveLength(0);
  });

  it('lets the handshake turn a close during sign-in into an auth failure', async () => {
    const server = await scope.server();
    server.wss.on('connection', (socket) => socket.on('message', () => socket.close(4001, 'invalid token')));
    const connection = scope.connection({
      driver: staticDriver(server.url, {
        handshake: async (ctx) => {
          ctx.send('{"type":"auth"}');
          try {
            await ctx.nextFrame(500);
          } catch (error) {
            throw new AuthError('the server closed the socket after the auth frame', { cause: error });
          }
        },
      }),
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'failed', 'failed');
    expect(log.states).toEqual(['connecting', 'handshaking', 'failed']);
    expect(connection.status.closeCode).toBe(4001);
  });

  it('starts again after new credentials', async () => {
    let refuse = true;
    const server = await scope.server({ verifyClient: (_info, reply) => reply(!refuse, 401) });
    const connection = scope.connection({ driver: staticDriver(server.url) });
    connection.start();
    await waitFor(() => connection.status.state === 'failed', 'failed');
    refuse = false;
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
  });
});
