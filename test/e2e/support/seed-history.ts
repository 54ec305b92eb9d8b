import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, type NewEvent } from '../../../src-main/core/store/event-store';

/** The agent of every seeded call: a filter on it matches history only. */
const SEEDED_AGENT = 'Seeded Historian';

/**
 * A data folder whose event log already holds `count` call hangups from an hour ago, so a test
 * can page back into history past the first page the UI loads.
 */
export function dataDirWithHistory(count: number): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-history-'));
  seedHistory(dataDir, count);
  return dataDir;
}

/** Appends `count` call hangups, 100 ms apart, the first received `startAgoMs` ago. */
export function seedHistory(dataDir: string, count: number, startAgoMs = 60 * 60_000): void {
  const store = EventStore.open({ file: join(dataDir, 'events.sqlite') });
  const start = Date.now() - startAgoMs;
  const events = Array.from({ length: count }, (_, index): NewEvent => {
    const payload = { call_id: 900_000 + index, state: 'hangup', direction: 'inbound', duration: index * 1_000, target: { name: SEEDED_AGENT } };
    return {
      connectionId: 'history',
      provider: 'dialpad',
      receivedAt: start + index * 100,
      occurredAt: start + index * 100,
      topic: 'call',
      type: 'call.hangup',
      callId: String(payload.call_id),
      summary: `hangup · inbound · archived call #${index}`,
      raw: JSON.stringify(payload),
      rawEncoding: 'text',
      payload,
      verified: null,
    };
  });
  store.append(events);
  store.close();
}
