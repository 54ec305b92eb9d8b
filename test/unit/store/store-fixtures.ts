import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { EventStore, type NewEvent, type RetentionPolicy } from '../../../src-main/core/store/event-store';

export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  const payload = { state: 'ringing', call_id: '1001' };
  return {
    connectionId: 'conn-a',
    provider: 'dialpad',
    receivedAt: 1_700_000_000_000,
    occurredAt: 1_699_999_999_000,
    topic: 'call',
    type: 'call.ringing',
    callId: '1001',
    summary: 'call ringing +15550001',
    raw: JSON.stringify(payload),
    rawEncoding: 'text',
    payload,
    verified: null,
    ...overrides,
  };
}

/** A scratch folder per test, removed afterwards; stores opened through it are closed first. */
export function useTempStores(): {
  dir: () => string;
  open: (retention?: RetentionPolicy, name?: string) => EventStore;
} {
  let dir: string | null = null;
  const opened: EventStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const currentDir = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'switchboard-store-')));
  return {
    dir: currentDir,
    open: (retention, name = 'events.db') => {
      const store = EventStore.open({ file: join(currentDir(), name), retention });
      opened.push(store);
      return store;
    },
  };
}
