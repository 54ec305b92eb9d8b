import { describe, expect, it } from 'vitest';
import { readLogFloor } from '../../../src-main/core/storage/log-floor';
import { EventStore } from '../../../src-main/core/store/event-store';
import { newEvent } from '../store/store-fixtures';

const NOW = 1_700_000_000_000;

function storeWith(count: number): EventStore {
  const store = EventStore.open({ file: ':memory:' });
  store.append(Array.from({ length: count }, (_, index) => newEvent({ receivedAt: NOW + index })));
  return store;
}

describe('where the log starts after retention', () => {
  it('is the oldest stored seq', async () => {
    const store = storeWith(10);
    store.setRetention({ maxEvents: 4 });
    expect(await store.applyRetention(NOW)).toBe(6);
    expect(readLogFloor(store)).toEqual({ keptFromSeq: 7 });
    await store.close();
  });

  it('is the next seq to be assigned when retention emptied the log', async () => {
    const store = storeWith(10);
    store.setRetention({ maxAgeMs: 1 });
    expect(await store.applyRetention(NOW + 60_000)).toBe(10);
    expect(readLogFloor(store)).toEqual({ keptFromSeq: 11 });
    expect(store.append([newEvent()])[0]!.seq).toBe(11);
    await store.close();
  });
});
