import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorEvent } from '../../../src-main/core/api';
import type { Connection, ConnectionOptions } from '../../../src-main/core/connection/connection';
import { Ingest } from '../../../src-main/core/pipeline/ingest';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import { EventStore } from '../../../src-main/core/store/event-store';
import type { TestScope } from '../connection/harness';

export interface Pipeline {
  connection: Connection;
  store: EventStore;
  /** Everything committed, in the order onStored saw it. */
  stored: MonitorEvent[];
  /** Commits what is waiting and returns every stored event, ascending. */
  settle(): Promise<MonitorEvent[]>;
}

/** The real path of one profile: a Connection (socket on 127.0.0.1) -> Dialpad decoder -> Ingest -> EventStore in a temp folder. */
export function openPipeline(scope: TestScope, options: Partial<ConnectionOptions> & Pick<ConnectionOptions, 'driver'>): Pipeline {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-pipeline-'));
  const store = EventStore.open({ file: join(dir, 'events.sqlite') });
  const stored: MonitorEvent[] = [];
  const connection = scope.connection(options);
  const ingest = new Ingest({
    connectionId: 'conn-1',
    provider: 'dialpad',
    decoder: createDialpadDecoder({}),
    store,
    onStored: (events) => stored.push(...events),
    onStoreError: (error) => {
      throw error;
    },
  });
  // The scope stops connections after its cleanups: entries after this one's cleanup are not stored.
  let open = true;
  connection.on('frame', (frame) => open && ingest.acceptFrame(frame));
  connection.on('lifecycle', (entry) => open && ingest.acceptLifecycle(entry));
  scope.onDispose(() => {
    open = false;
    ingest.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    connection,
    store,
    stored,
    settle: async () => {
      await ingest.drain();
      return [...store.iterate(undefined)];
    },
  };
}

/** A Dialpad call event whose identity (call id, state, time) is `n`: stored once however often it is sent. */
export function callFrame(n: number): string {
  return JSON.stringify({ call_id: 1000 + n, state: 'ringing', direction: 'inbound', event_timestamp: 1_700_000_000_000 + n, external_number: '+14155550101' });
}

export const callNumber = (event: MonitorEvent): number => Number(event.callId) - 1000;
/** What the frames became: provider events and `system.malformed`, without the connection's lifecycle entries. */
export const frameEvents = (events: MonitorEvent[]): MonitorEvent[] =>
  events.filter((event) => event.type === 'system.malformed' || !event.type.startsWith('system.'));
