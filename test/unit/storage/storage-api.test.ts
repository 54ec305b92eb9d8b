import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventQuery } from '../../../src-main/core/api';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type Core, type PushFn } from '../../../src-main/core/service';
import { DEFAULT_RETENTION } from '../../../src-main/core/storage/retention-settings';
import { StorageService } from '../../../src-main/core/storage/storage-service';
import { EventStore, type RetentionPolicy } from '../../../src-main/core/store/event-store';
import { newEvent } from '../store/store-fixtures';

const HOUR = 3_600_000;
let dir: string;
let lines: string[];
let core: Core | undefined;
/** receivedAt of the seeded events: 10 from three days ago, then 20 from the last hour. */
let seeded: number[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-storage-'));
  lines = [];
  const now = Date.now();
  seeded = [...Array.from({ length: 10 }, (_, i) => now - 72 * HOUR + i * 1_000), ...Array.from({ length: 20 }, (_, i) => now - HOUR + i * 1_000)];
  const store = EventStore.open({ file: join(dir, 'events.sqlite') });
  store.append(seeded.map((receivedAt) => newEvent({ receivedAt })));
  await store.close();
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function open(push: PushFn = () => {}): Promise<ApiSession> {
  core = await startCore({ dataDir: dir, mode: 'web', version: 'test', autoConnect: false, secrets: new MemorySecretStore(), log: (line) => lines.push(line) });
  return core.openSession(push);
}

async function restart(): Promise<ApiSession> {
  await core?.close();
  return open();
}

describe('storage API', () => {
  it('reports the log and the default limits', async () => {
    const api = await open();
    const onDisk = async (): Promise<number> =>
      (await stat(join(dir, 'events.sqlite'))).size + (await stat(join(dir, 'events.sqlite-wal')).catch(() => ({ size: 0 }))).size;
    // The checkpointer thread may copy the log into the file at any moment: read the figure again
    // until the size on disk did not move while it was taken, then it must be that size exactly.
    let settings = await api.getStorageSettings();
    let sizeBefore = -1;
    let sizeAfter = -2;
    for (let attempt = 0; attempt < 5 && sizeBefore !== sizeAfter; attempt++) {
      sizeBefore = await onDisk();
      settings = await api.getStorageSettings();
      sizeAfter = await onDisk();
    }
    expect(sizeAfter).toBe(sizeBefore);
    expect(settings).toEqual({
      retention: DEFAULT_RETENTION,
      log: { events: 30, oldestReceivedAt: seeded[0], newestReceivedAt: seeded[29], bytesOnDisk: sizeBefore },
      lastRun: null,
      settingsProblem: null,
    });
    expect(sizeBefore).toBeGreaterThan(0);
  });

  it('applies new limits before answering, logs what went, and keeps them across a restart', async () => {
    let api = await open();
    const byAge = await api.setRetention({ maxEvents: null, maxAgeHours: 48 });
    expect(byAge.retention).toEqual({ maxEvents: null, maxAgeHours: 48 });
    expect(byAge.log).toMatchObject({ events: 20, oldestReceivedAt: seeded[10], newestReceivedAt: seeded[29] });
    expect(byAge.lastRun).toMatchObject({ deleted: 10, error: null });
    expect(lines).toContain('Switchboard: retention deleted 10 events from the log (no event limit, at most 2 days old).');

    const byCount = await api.setRetention({ maxEvents: 5, maxAgeHours: 48 });
    expect(byCount.log).toMatchObject({ events: 5, oldestReceivedAt: seeded[25] });

    api = await restart();
    const reread = await api.getStorageSettings();
    expect(reread.retention).toEqual({ maxEvents: 5, maxAgeHours: 48 });
    expect(reread.log.events).toBe(5);
    expect(JSON.parse(await readFile(join(dir, 'retention.json'), 'utf8'))).toEqual({ version: 1, retention: { maxEvents: 5, maxAgeHours: 48 } });
  });

  it('tells every window where the log now starts, before answering, and only when events went', async () => {
    const heard: string[] = [];
    const listener =
      (window: string): PushFn =>
      (event, payload) => {
        if (event === 'logTrimmed') heard.push(`${window} ${JSON.stringify(payload)}`);
      };
    const api = await open(listener('first'));
    core!.openSession(listener('second'));

    await api.setRetention({ maxEvents: 12, maxAgeHours: null }).then(() => heard.push('answered'));
    expect(heard).toEqual(['first {"keptFromSeq":19}', 'second {"keptFromSeq":19}', 'answered']);
    expect((await api.queryEvents({ afterSeq: 0, limit: 1 })).events[0]!.seq).toBe(19);

    heard.length = 0;
    await api.setRetention({ maxEvents: 20, maxAgeHours: null });
    expect(heard).toEqual([]);
  });

  it('refuses limits that are not whole numbers or null, saving and deleting nothing', async () => {
    const api = await open();
    await expect(api.setRetention({ maxEvents: 0, maxAgeHours: null })).rejects.toThrow(
      'The retention settings were not saved: maxEvents must be a whole number from 1 to 1000000000, or null for no limit (got 0).',
    );
    await expect(api.setRetention({ maxEvents: 10, maxAgeHours: -2 })).rejects.toThrow(/maxAgeHours must be a whole number/);
    await expect(api.setRetention('everything' as never)).rejects.toThrow(/must be an object/);
    await expect(api.setRetention({ maxEvents: '10', maxAgeHours: 1 } as never)).rejects.toThrow(/got "10"/);
    expect((await api.getStorageSettings()).log.events).toBe(30);
    await expect(stat(join(dir, 'retention.json'))).rejects.toThrow(/ENOENT/);
  });

  it('says so, in the log and to the UI, when the saved limits cannot be read', async () => {
    await writeFile(join(dir, 'retention.json'), '{ "retention": ');
    const api = await open();
    const settings = await api.getStorageSettings();
    expect(settings.retention).toEqual(DEFAULT_RETENTION);
    expect(settings.settingsProblem).toMatch(/retention\.json are not valid JSON, so the defaults are in use/);
    expect(lines).toContain(`Switchboard: ${settings.settingsProblem}`);

    const saved = await api.setRetention({ maxEvents: 1_000, maxAgeHours: null });
    expect(saved.settingsProblem).toBeNull();
  });
});

describe('storage service', () => {
  it('answers a change with the figures after the deletion, also when the store deletes later (on its writer thread)', async () => {
    const file = join(dir, 'events.sqlite');
    const store = EventStore.open({ file });
    const slowStore = {
      count: () => store.count(),
      lastSeq: () => store.lastSeq(),
      query: (query: EventQuery) => store.query(query),
      setRetention: (policy: RetentionPolicy) => store.setRetention(policy),
      applyRetention: async (now?: number) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return store.applyRetention(now);
      },
    };
    const storage = await StorageService.start({ dataDir: dir, store: slowStore, eventLogFile: file, log: (line) => lines.push(line) });
    try {
      const changed = await storage.setRetention({ maxEvents: 12, maxAgeHours: null });
      expect(changed.log.events).toBe(12);
      expect(changed.lastRun).toMatchObject({ deleted: 18, error: null });
    } finally {
      await storage.close();
      await store.close();
    }
  });

  it('answers a change with its own pass, even when a scheduled pass ends while the figures are read', async () => {
    const file = join(dir, 'events.sqlite');
    const store = EventStore.open({ file });
    let passes = 0;
    const slowFirstPass = {
      count: () => store.count(),
      lastSeq: () => store.lastSeq(),
      query: (query: EventQuery) => store.query(query),
      setRetention: (policy: RetentionPolicy) => store.setRetention(policy),
      // The change's pass outlasts the first scheduled one's start, which then runs right after it.
      applyRetention: async (now?: number) => {
        if (++passes === 1) await new Promise((resolve) => setTimeout(resolve, 30));
        return store.applyRetention(now);
      },
    };
    const storage = await StorageService.start({ dataDir: dir, store: slowFirstPass, eventLogFile: file, log: () => undefined, schedule: { firstRunAfterMs: 10 } });
    try {
      const changed = await storage.setRetention({ maxEvents: 12, maxAgeHours: null });
      expect(passes).toBe(2);
      expect(changed.lastRun).toMatchObject({ deleted: 18, error: null });
    } finally {
      await storage.close();
      await store.close();
    }
  });
});
