import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { newEvent, useTempStores } from './store-fixtures';

/** The index fills after the append; these read the database file directly to see what it holds. */
function indexedThrough(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT indexed_through FROM search_progress').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('EventStore search index filled after the append', () => {
  const stores = useTempStores();
  const words = (count: number, from = 0) =>
    Array.from({ length: count }, (_, index) => newEvent({ summary: `word${from + index} shared`, raw: '{}' }));

  it('leaves indexing out of the append, and a search still finds what was just stored', () => {
    const store = stores.open();
    store.append(words(3));
    expect(indexedThrough(join(stores.dir(), 'events.db'))).toBe(0);
    expect(store.query({ limit: 10, filter: { text: 'word2' } }).events.map((event) => event.seq)).toEqual([3]);
    expect(store.countMatching({ text: 'shared' })).toBe(3);
    expect([...store.iterate({ text: 'word0' })].map((event) => event.seq)).toEqual([1]);
    expect(indexedThrough(join(stores.dir(), 'events.db'))).toBe(3);
  });

  it('reads that search no text never wait for the index', () => {
    const store = stores.open(undefined, 'plain.db');
    store.append(words(3));
    expect(store.query({ limit: 10, filter: { expression: '@summary ~ /word1/' } }).events.map((event) => event.seq)).toEqual([2]);
    expect(store.countMatching({ types: ['call.ringing'] })).toBe(3);
    expect([...store.iterate(undefined)]).toHaveLength(3);
    expect(indexedThrough(join(stores.dir(), 'plain.db'))).toBe(0);
  });

  it('indexes after a restart the rows a crash left unindexed, once and only once', () => {
    const first = stores.open(undefined, 'crash.db');
    first.append(words(5000));
    expect(first.countMatching({ text: 'shared' })).toBe(5000);
    // Closed before the idle indexer ran: as after a crash, these rows are stored but not indexed.
    first.append(words(2500, 5000));
    first.close();
    expect(indexedThrough(join(stores.dir(), 'crash.db'))).toBe(5000);

    const reopened = stores.open(undefined, 'crash.db');
    expect(reopened.countMatching({ text: 'shared' })).toBe(7500);
    expect(reopened.countMatching({ text: 'word7499' })).toBe(1);
    expect(reopened.countMatching({ text: 'word4999' })).toBe(1);
    expect(indexedThrough(join(stores.dir(), 'crash.db'))).toBe(7500);
  });

  it('lets retention delete rows that were never indexed', async () => {
    const store = stores.open({ maxEvents: 2 });
    store.append(words(5));
    expect(await store.applyRetention()).toBe(3);
    expect(store.countMatching({ text: 'shared' })).toBe(2);
    expect(store.query({ limit: 10, filter: { text: 'word0' } }).events).toEqual([]);
    expect(store.query({ limit: 10, filter: { text: 'word4' } }).events.map((event) => event.seq)).toEqual([5]);
  });

  it('indexes by itself once appends pause, without waiting for a search', async () => {
    const store = stores.open(undefined, 'idle.db');
    store.append(words(4500));
    await sleep(250);
    expect(indexedThrough(join(stores.dir(), 'idle.db'))).toBe(4500);
  });

  it('keeps a steady stream indexed as it comes, one bounded slice at a time', async () => {
    const store = stores.open(undefined, 'steady.db');
    const file = join(stores.dir(), 'steady.db');
    // ~2,000 rows/s (20 rows every ~10 ms), never pausing long enough to count as idle.
    for (let round = 0; round < 60; round++) {
      store.append(words(20, round * 20));
      await sleep(10);
    }
    // A slice every 100 ms while the stream flows: behind by the last tick or two (~400 rows), with room for timer jitter.
    expect(indexedThrough(file)).toBeGreaterThanOrEqual(600);
  });

  it('stores a burst first and indexes it once appends pause', async () => {
    const store = stores.open(undefined, 'burst.db');
    const file = join(stores.dir(), 'burst.db');
    // ~50,000 rows/s (500 rows every ~10 ms): far beyond the pace the index keeps up with.
    for (let round = 0; round < 30; round++) {
      store.append(words(500, round * 500));
      await sleep(10);
    }
    // At most the first tick's slice, taken before the burst was measured as one.
    const indexedDuringBurst = indexedThrough(file);
    expect(indexedDuringBurst).toBeLessThanOrEqual(1000);
    await sleep(400);
    expect(indexedThrough(file)).toBe(15000);
  });
});
