import { describe, expect, it } from 'vitest';
import { SCAN_WINDOW } from '../../../src-main/core/store/page';
import { newEvent, useTempStores } from '../store/store-fixtures';

describe('pages of a filter that reads rows examine a bounded seq window', () => {
  const stores = useTempStores();

  it('answers with what one window holds, then continues below it', () => {
    const store = stores.open();
    const total = SCAN_WINDOW + 10_000;
    const rare = new Set([5, total - 1_000]);
    for (let start = 1; start <= total; start += 5_000) {
      store.append(
        Array.from({ length: Math.min(5_000, total - start + 1) }, (_, offset) => {
          const seq = start + offset;
          const payload = { state: rare.has(seq) ? 'rare' : 'common' };
          return newEvent({ payload, raw: JSON.stringify(payload) });
        }),
      );
    }
    const filter = { expression: 'state = rare' };

    const newest = store.query({ limit: 50, filter });
    expect(newest.events.map((event) => event.seq)).toEqual([total - 1_000]);
    expect(newest).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false, searchedDownTo: total + 1 - SCAN_WINDOW });

    const older = store.query({ limit: 50, beforeSeq: newest.searchedDownTo!, filter });
    expect(older.events.map((event) => event.seq)).toEqual([5]);
    expect(older.hasMoreBefore).toBe(false);
    expect(older.searchedDownTo).toBeUndefined();

    // A full page ends the scan early and needs no continuation point.
    const common = store.query({ limit: 50, filter: { expression: 'state = common' } });
    expect(common.events).toHaveLength(50);
    expect(common.searchedDownTo).toBeUndefined();
    expect(common.hasMoreBefore).toBe(true);
  });

  it('answers an empty store', () => {
    expect(stores.open().query({ limit: 10, filter: { expression: 'state = x' } })).toEqual({ events: [], hasMoreBefore: false, hasMoreAfter: false });
  });
});
