import { describe, expect, it } from 'vitest';
import { newEvent, useTempStores } from './store-fixtures';

const seqsOf = (page: { events: { seq: number }[] }): number[] => page.events.map((event) => event.seq);

describe('EventStore.query paging', () => {
  const stores = useTempStores();
  const tenEvents = () => {
    const store = stores.open();
    store.append(Array.from({ length: 10 }, (_, index) => newEvent({ summary: `event ${index + 1}` })));
    return store;
  };

  it('returns the newest page, ascending, when no cursor is given', () => {
    const page = tenEvents().query({ limit: 3 });
    expect(seqsOf(page)).toEqual([8, 9, 10]);
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });
  });

  it('pages backwards with beforeSeq down to the start', () => {
    const store = tenEvents();
    const middle = store.query({ limit: 3, beforeSeq: 8 });
    expect(seqsOf(middle)).toEqual([5, 6, 7]);
    expect(middle).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const start = store.query({ limit: 3, beforeSeq: 3 });
    expect(seqsOf(start)).toEqual([1, 2]);
    expect(start).toMatchObject({ hasMoreBefore: false, hasMoreAfter: true });
  });

  it('pages forwards with afterSeq up to the end', () => {
    const store = tenEvents();
    const middle = store.query({ limit: 3, afterSeq: 2 });
    expect(seqsOf(middle)).toEqual([3, 4, 5]);
    expect(middle).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const end = store.query({ limit: 3, afterSeq: 7 });
    expect(seqsOf(end)).toEqual([8, 9, 10]);
    expect(end).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });
    const beyond = store.query({ limit: 3, afterSeq: 10 });
    expect(beyond).toEqual({ events: [], hasMoreBefore: true, hasMoreAfter: false });
  });

  it('reads the window between afterSeq and beforeSeq from its low end', () => {
    const store = tenEvents();
    const page = store.query({ limit: 2, afterSeq: 3, beforeSeq: 8 });
    expect(seqsOf(page)).toEqual([4, 5]);
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const whole = store.query({ limit: 10, afterSeq: 0, beforeSeq: 11 });
    expect(seqsOf(whole)).toHaveLength(10);
    expect(whole).toMatchObject({ hasMoreBefore: false, hasMoreAfter: false });
  });

  it('reports an exact fit as having no more', () => {
    const page = tenEvents().query({ limit: 10 });
    expect(seqsOf(page)).toHaveLength(10);
    expect(page).toMatchObject({ hasMoreBefore: false, hasMoreAfter: false });
  });

  it('applies flags to matching events only', () => {
    const store = stores.open();
    store.append([
      newEvent({ type: 'call.hangup' }),
      newEvent(),
      newEvent({ type: 'call.hangup' }),
      newEvent(),
      newEvent({ type: 'call.hangup' }),
      newEvent(),
    ]);
    const filter = { types: ['call.hangup'] };
    const page = store.query({ limit: 1, beforeSeq: 5, filter });
    expect(seqsOf(page)).toEqual([3]);
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const last = store.query({ limit: 1, afterSeq: 3, filter });
    expect(seqsOf(last)).toEqual([5]);
    expect(last).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });
  });

  it('handles an empty store and odd limits without throwing', () => {
    const empty = stores.open();
    expect(empty.query({ limit: 50 })).toEqual({ events: [], hasMoreBefore: false, hasMoreAfter: false });
    const store = tenEvents();
    expect(store.query({ limit: 0 })).toEqual({ events: [], hasMoreBefore: true, hasMoreAfter: false });
    expect(seqsOf(store.query({ limit: 2.7 }))).toEqual([9, 10]);
    expect(seqsOf(store.query({ limit: Number.NaN }))).toEqual([]);
  });
});
