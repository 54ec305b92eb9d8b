import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore, type NewEvent } from '../../src-main/core/store/event-store';
import { REPO_ROOT, bundleChild } from '../soak/child-bundle';
import { newEvent } from '../unit/store/store-fixtures';

const events = (count: number, from = 0): NewEvent[] =>
  Array.from({ length: count }, (_, index) =>
    newEvent({ receivedAt: 1_000 + from + index, summary: `call ${from + index} ringing`, callId: String(from + index) }),
  );

describe('EventStore with its writer thread', () => {
  let workDir: string;
  let writerScript: string;
  const opened: EventStore[] = [];

  const open = (file = 'events.db', retention?: { maxEvents: number }): EventStore => {
    const store = EventStore.open({ file: join(workDir, file), writerScript, ...(retention && { retention }) });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    // Inside the repo, so the thread resolves better-sqlite3 from its node_modules as the app does.
    workDir = mkdtempSync(join(REPO_ROOT, 'node_modules/.switchboard-writer-test-'));
    writerScript = await bundleChild('src-main/core/store/writer.worker.ts', join(workDir, 'bundle'), 'store-writer.cjs');
  }, 30_000);

  afterAll(async () => {
    for (const store of opened) await store.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('builds the payload text from the raw frame on the thread, where the decoder left it to the store', async () => {
    const store = open('payload-text.db');
    const raw = '{"call_id":6524329623650304123,"master_call_id": 6524329623650304124,"state":"ringing"}';
    const payload = { call_id: '6524329623650304123', master_call_id: '6524329623650304124', state: 'ringing' };
    const [stored] = await store.write([newEvent({ raw, payload, payloadJson: raw, payloadQuotedIntegers: [11, 30, 49, 68] })]);
    expect(store.get(stored!.seq)?.payload).toEqual(payload);
    expect(store.countMatching({ expression: 'master_call_id = "6524329623650304124"' })).toBe(1);
  });

  it('commits writes in the order they were asked for, and reads here see them at once', async () => {
    const store = open('order.db');
    const writes = [store.write(events(300)), store.write(events(200, 300)), store.write(events(1, 500))];
    const stored = (await Promise.all(writes)).flat();
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: 501 }, (_, index) => index + 1));
    expect(store.count()).toBe(501);
    expect(store.get(301)?.summary).toBe('call 300 ringing');
    expect(store.lastSeq()).toBe(501);
  });

  it('finds every stored event by text once whenSearchable has resolved', async () => {
    const store = open('search.db');
    await store.write(events(2_500));
    await store.whenSearchable({ text: 'ringing' });
    expect(store.countMatching({ text: 'ringing' })).toBe(2_500);
    expect(store.query({ filter: { text: 'ringing' }, limit: 1 }).events[0]?.seq).toBe(2_500);
  });

  it('writes everything asked for before close, even when nobody awaited it', async () => {
    const store = open('close.db');
    void store.write(events(50));
    void store.write(events(50, 50));
    await store.close();
    const reopened = open('close.db');
    expect(reopened.count()).toBe(100);
  });

  it('rejects a failed write with the database reason, stores none of it, and keeps working', async () => {
    const store = open('fail.db');
    const broken = [...events(2), newEvent({ rawEncoding: 'gzip' as NewEvent['rawEncoding'] })];
    await expect(store.write(broken)).rejects.toThrow(/CHECK constraint failed/);
    expect(store.count()).toBe(0);
    expect((await store.write(events(1)))[0]?.seq).toBe(1);
  });

  it('applies retention on the thread', async () => {
    const store = open('retention.db', { maxEvents: 10 });
    await store.write(events(25));
    expect(await store.applyRetention()).toBe(15);
    expect(store.count()).toBe(10);
  });

  it('copies appended pages into the database file beside the writer, and leaves no log behind on close', async () => {
    const store = open('checkpoint.db');
    const file = join(workDir, 'checkpoint.db');
    const sizeBefore = statSync(file).size;
    // ~3 MB of rows: far below the writer's own checkpoint threshold (~160 MB of log).
    await store.write(events(3_000).map((event) => ({ ...event, raw: 'x'.repeat(1_000) })));
    const deadline = Date.now() + 5_000;
    while (statSync(file).size < sizeBefore + 2_000_000 && Date.now() < deadline) await sleep(50);
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 2_000_000);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a synchronous append, which would need a second writer', () => {
    const store = open('sync.db');
    expect(() => store.append(events(1))).toThrow(/use write\(\)/);
  });
});
