import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src-main/core/pipeline/dedupe';

describe('RecentKeys', () => {
  it('admits a key once while it is among the last `capacity` keys', () => {
    const keys = new RecentKeys(3);
    expect(['a', 'b', 'a', 'c', 'b'].map((key) => keys.admit(key))).toEqual([true, true, false, true, false]);
  });

  it('forgets the oldest key once `capacity` newer ones came, and only that one', () => {
    const keys = new RecentKeys(3);
    for (const key of ['a', 'b', 'c', 'd']) keys.admit(key);
    expect(keys.admit('b')).toBe(false);
    expect(keys.admit('c')).toBe(false);
    expect(keys.admit('d')).toBe(false);
    expect(keys.admit('a')).toBe(true);
    // 'a' took the slot of 'b', the oldest of the window b, c, d.
    expect(keys.admit('b')).toBe(true);
  });

  it('keeps the window exact over many times its size', () => {
    const keys = new RecentKeys(1000);
    for (let index = 0; index < 50_000; index++) expect(keys.admit(`k${index}`)).toBe(true);
    expect(keys.admit('k49000')).toBe(false);
    expect(keys.admit('k48999')).toBe(true);
  });
});
