/**
 * Child process for the soak test, bundled by it and run with plain node: one simulator, driven
 * over the IPC channel. It runs apart from the core so the core's memory figures are its own and
 * the two do not share one event loop (a real provider is another machine, not the same thread).
 */
import { startSimulator, type Simulator } from '../../src-main/core/simulator';
import type { HostReply, HostRequest } from './simulator-protocol';

/** Ends the child even if the parent forgets it: longer than any soak the settings allow. */
const MAX_LIFETIME_MS = 45 * 60_000;

async function main(): Promise<void> {
  const rate = Number(process.argv[2] ?? '2000');
  const simulator = await startSimulator({ rate, seed: 20250101 });
  const lifetime = setTimeout(() => process.exit(3), MAX_LIFETIME_MS);
  lifetime.unref();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: HostRequest) => {
    void answer(simulator, message).then((reply) => process.send?.(reply));
  });
  process.send?.({ ready: { baseUrl: simulator.baseUrl, demo: simulator.demo } });
}

async function answer(simulator: Simulator, request: HostRequest): Promise<HostReply> {
  try {
    return { id: request.id, result: await perform(simulator, request) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

async function perform(simulator: Simulator, request: HostRequest): Promise<unknown> {
  const { faults } = simulator;
  switch (request.method) {
    case 'dropSockets':
      return faults.dropSockets(request.provider);
    case 'expireTokens':
      return faults.expireTokens(request.provider);
    case 'setHalfOpen':
      return faults.setHalfOpen(request.provider, request.on);
    case 'setRejectCredentials':
      return faults.setRejectCredentials(request.provider, request.on);
    case 'sendMalformed':
      return faults.sendMalformed(request.provider, request.kind);
    case 'restart':
      return faults.restart(request.downtimeMs);
    case 'counters':
      return faults.counters();
    case 'close':
      await simulator.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`simulator host: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
