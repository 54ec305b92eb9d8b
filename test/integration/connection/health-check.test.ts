import { afterEach, describe, expect, it } from 'vitest';
import { freePort, record, sleep, staticDriver, TestScope, waitFor } from './harness';

const scope = new TestScope();
afterEach(() => scope.dispose());

describe('Connection: healthCheck (after resume or a network change)', () => {
  it('cuts and replaces a socket that no longer answers', async () => {
    const server = await scope.server({ autoPong: false });
    const connection = scope.connection({
      driver: staticDriver(server.url),
      heartbeatIntervalMs: 10_000,
      healthCheckTimeoutMs: 50,
    });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');

    connection.healthCheck('System resumed');
    await waitFor(() => log.states.includes('reconnecting'), 'reconnecting');

    expect(log.entries('system.health_check')[0]?.summary).toBe(
      'System resumed: checking that the connection still answers',
    );
    expect(log.types()).toContain('system.heartbeat_timeout');
  });

  it('leaves a healthy socket alone', async () => {
    const server = await scope.server();
    const connection = scope.connection({ driver: staticDriver(server.url), healthCheckTimeoutMs: 50 });
    const log = record(connection);
    connection.start();
    await waitFor(() => connection.status.state === 'live', 'live');
    connection.healthCheck('Network changed');
    await sleep(150);
    expect(log.states).toEqual(['connecting', 'live']);
  });

  it('retries at once instead of waiting out the backoff', async () => {
    const port = await freePort();
    const connection = scope.connection({
      driver: staticDriver(`ws://127.0.0.1:${port}`),
      backoff: { baseMs: 10_000, capMs: 10_000 },
      random: () => 1,
    });
    connection.start();
    await waitFor(() => connection.status.state === 'reconnecting', 'reconnecting');
    await scope.server({ port });

    connection.healthCheck('Network changed');
    await waitFor(() => connection.status.state === 'live', 'live', 1000);
  });
});
