import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { EventStore, type NewEvent } from '../../../src-main/core/store/event-store';

export const SAMPLE_EVENTS: NewEvent[] = [
  {
    connectionId: 'conn-1',
    provider: 'dialpad',
    receivedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
    occurredAt: Date.UTC(2024, 0, 2, 3, 4, 5),
    topic: 'call',
    type: 'call.ringing',
    callId: '42',
    summary: 'Ringing, "Alice" calling',
    raw: '{"state":"ringing","note":"line1\\nline2"}',
    rawEncoding: 'text',
    payload: { state: 'ringing', note: 'line1\nline2' },
    verified: true,
  },
  {
    connectionId: 'conn-2',
    provider: 'websocket',
    receivedAt: Date.UTC(2024, 0, 2, 3, 4, 6),
    occurredAt: null,
    topic: 'raw',
    type: 'system.malformed',
    callId: null,
    summary: 'binary frame\nsecond line',
    raw: 'AAEC',
    rawEncoding: 'base64',
    payload: null,
    verified: null,
  },
];

/** An output folder and a store per test, both removed afterwards. */
export function useExportScratch(): { dir: () => string; store: () => EventStore; files: () => string[] } {
  let root: string | null = null;
  let store: EventStore | null = null;
  afterEach(() => {
    store?.close();
    store = null;
    if (root) rmSync(root, { recursive: true, force: true });
    root = null;
  });
  const currentRoot = (): string => {
    if (root) return root;
    root = mkdtempSync(join(tmpdir(), 'switchboard-export-'));
    mkdirSync(join(root, 'out'));
    return root;
  };
  const dir = (): string => join(currentRoot(), 'out');
  return {
    dir,
    store: () => (store ??= EventStore.open({ file: join(currentRoot(), 'db', 'events.db') })),
    files: () => readdirSync(dir()).sort(),
  };
}
