import { describe, expect, it } from 'vitest';
import { newEvent, useTempStores } from './store-fixtures';

describe('EventStore.iterate', () => {
  const stores = useTempStores();
  const seeded = (count: number) => {
    const store = stores.open();
    store.append(
      Array.from({ length: count }, (_, index) => newEvent({ topic: index % 2 === 0 ? 'even' : 'odd', summary: `n${index + 1}` })),
    );
    return store;
  };

  it('streams every event in ascending seq across chunk boundaries', () => {
    const store = seeded(2500);
    const seqs = [...store.iterate(undefined)].map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: 2500 }, (_, index) => index + 1));
  });

  it('applies the filter and afterSeq', () => {
    const store = seeded(10);
    expect([...store.iterate({ topics: ['odd'] })].map((event) => event.seq)).toEqual([2, 4, 6, 8, 10]);
    expect([...store.iterate({ topics: ['odd'] }, { afterSeq: 6 })].map((event) => event.seq)).toEqual([8, 10]);
    expect([...store.iterate({ text: 'n7' })].map((event) => event.seq)).toEqual([7]);
  });

  it('streams an explicit selection sorted, deduplicated, skipping missing seqs and non-matching ones', () => {
    const store = seeded(1500);
    const picked = [1400, 3, 3, 99_999, 1200, 2];
    expect([...store.iterate(undefined, { seqs: picked })].map((event) => event.seq)).toEqual([2, 3, 1200, 1400]);
    expect([...store.iterate({ topics: ['even'] }, { seqs: picked })].map((event) => event.seq)).toEqual([3]);
    const many = Array.from({ length: 1200 }, (_, index) => 1500 - index);
    expect([...store.iterate(undefined, { seqs: many })]).toHaveLength(1200);
  });

  it('lets appends run while a stream is open, and ends at the seq that was last when it started', () => {
    const store = seeded(1500);
    const seen: number[] = [];
    for (const event of store.iterate(undefined)) {
      seen.push(event.seq);
      if (event.seq === 10) store.append([newEvent(), newEvent()]);
    }
    expect(seen).toHaveLength(1500);
    expect(store.count()).toBe(1502);
  });
});
