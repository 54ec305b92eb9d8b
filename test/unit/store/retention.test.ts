import { describe, expect, it } from 'vitest';
import { newEvent, useTempStores } from './store-fixtures';

describe('EventStore retention', () => {
  const stores = useTempStores();

  it('keeps the newest maxEvents, removes the rest from search too, and never reuses a seq', async () => {
    const store = stores.open({ maxEvents: 3 });
    store.append(Array.from({ length: 8 }, (_, index) => newEvent({ summary: `needle ${index + 1}` })));
    expect(await store.applyRetention()).toBe(5);
    expect(store.query({ limit: 10 }).events.map((event) => event.seq)).toEqual([6, 7, 8]);
    expect(store.countMatching({ text: 'needle' })).toBe(3);
    expect(await store.applyRetention()).toBe(0);
    expect(store.append([newEvent()])[0]?.seq).toBe(9);
  });

  it('deletes more than one chunk', async () => {
    const store = stores.open({ maxEvents: 10 });
    for (let batch = 0; batch < 13; batch++) store.append(Array.from({ length: 1000 }, () => newEvent()));
    expect(await store.applyRetention()).toBe(12_990);
    expect(store.count()).toBe(10);
    expect(store.query({ limit: 1 }).events[0]?.seq).toBe(13_000);
  });

  it('deletes events received before now - maxAgeMs, whatever their seq', async () => {
    const store = stores.open({ maxAgeMs: 1000 });
    store.append([
      newEvent({ receivedAt: 5000 }),
      newEvent({ receivedAt: 9500 }),
      newEvent({ receivedAt: 8000 }), // the clock stepped back
      newEvent({ receivedAt: 9999 }),
    ]);
    expect(await store.applyRetention(10_000)).toBe(2);
    expect(store.query({ limit: 10 }).events.map((event) => event.seq)).toEqual([2, 4]);
  });

  it('does not reuse seqs after retention emptied the store, even across reopen', async () => {
    const store = stores.open({ maxAgeMs: 1 });
    store.append([newEvent({ receivedAt: 1 }), newEvent({ receivedAt: 2 })]);
    expect(await store.applyRetention(1_000_000)).toBe(2);
    expect(store.count()).toBe(0);
    expect(store.lastSeq()).toBe(2);
    store.close();
    const reopened = stores.open();
    expect(reopened.append([newEvent()])[0]?.seq).toBe(3);
  });

  it('applies a policy set later, and treats missing or invalid limits as unlimited', async () => {
    const store = stores.open();
    store.append(Array.from({ length: 5 }, () => newEvent({ receivedAt: 0 })));
    expect(await store.applyRetention(Date.now())).toBe(0);
    store.setRetention({ maxEvents: 0, maxAgeMs: Number.NaN });
    expect(await store.applyRetention(Date.now())).toBe(0);
    store.setRetention({ maxEvents: 2, maxAgeMs: null });
    expect(await store.applyRetention(Date.now())).toBe(3);
    expect(store.count()).toBe(2);
  });

  it('combines count and age limits', async () => {
    const store = stores.open({ maxEvents: 3, maxAgeMs: 100 });
    store.append([1, 2, 3, 4, 950, 960].map((receivedAt) => newEvent({ receivedAt })));
    expect(await store.applyRetention(1000)).toBe(4);
    expect(store.query({ limit: 10 }).events.map((event) => event.receivedAt)).toEqual([950, 960]);
  });
});
