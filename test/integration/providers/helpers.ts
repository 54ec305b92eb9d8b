import type { ConnectionState, MonitorEvent } from '../../../src-main/core/api';
import { Connection } from '../../../src-main/core/connection/connection';
import type { LifecycleEntry } from '../../../src-main/core/connection/connection';
import { Ingest } from '../../../src-main/core/pipeline/ingest';
import type { AdapterDeps } from '../../../src-main/core/providers/adapter';
import { DialpadTokenManagers } from '../../../src-main/core/providers/dialpad-oauth';
import type { ProviderSource } from '../../../src-main/core/providers/source';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { EventStore } from '../../../src-main/core/store/event-store';

export function adapterDeps(secrets = new MemorySecretStore()): AdapterDeps & { secrets: MemorySecretStore } {
  const tokens = new DialpadTokenManagers(secrets, fetch);
  return { secrets, fetch, oauthTokens: (profile) => tokens.forProfile(profile) };
}

/** A source running through the real Connection and Ingest (dedupe included) into an in-memory store. */
export interface RunningSource {
  connection: Connection;
  ingest: Ingest;
  stored: MonitorEvent[];
  lifecycle: LifecycleEntry[];
  states: ConnectionState[];
  stop(): Promise<void>;
}

export function runSource(source: ProviderSource, options: { overlapMs?: number } = {}): RunningSource {
  const store = EventStore.open({ file: ':memory:' });
  const stored: MonitorEvent[] = [];
  const connection = new Connection({
    profileId: 'test-profile',
    connectionId: 'test-connection',
    driver: source.driver,
    backoff: { baseMs: 20, capMs: 200 },
    handshakeTimeoutMs: 5_000,
    overlapMs: options.overlapMs ?? 300,
  });
  const ingest = new Ingest({
    connectionId: 'test-connection',
    provider: source.provider,
    decoder: source.decoder,
    store,
    onStored: (events) => stored.push(...events),
    onStoreError: (error) => {
      throw error;
    },
  });
  const running: RunningSource = {
    connection,
    ingest,
    stored,
    lifecycle: [],
    states: [],
    async stop() {
      await connection.stop('test over');
      await ingest.drain();
      ingest.close();
      await source.dispose();
      store.close();
    },
  };
  connection.on('frame', (frame) => ingest.acceptFrame(frame));
  connection.on('lifecycle', (entry) => {
    running.lifecycle.push(entry);
    ingest.acceptLifecycle(entry);
  });
  connection.on('state', (status) => running.states.push(status.state));
  connection.start();
  return running;
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function providerEvents(running: RunningSource): MonitorEvent[] {
  return running.stored.filter((event) => !event.type.startsWith('system.'));
}
