import { describe, expect, it } from 'vitest';
import { withoutDeleted } from '../../../src-renderer/src/lib/without-deleted';

const rows = (...seqs: number[]): { seq: number }[] => seqs.map((seq) => ({ seq }));

describe('withoutDeleted', () => {
  it('drops every event below the first seq retention kept, and keeps the rest in order', () => {
    expect(withoutDeleted(rows(3, 5, 8, 13, 21), 8)).toEqual(rows(8, 13, 21));
    // The oldest kept event need not be one the list holds: a gap, or another topic's event.
    expect(withoutDeleted(rows(3, 5, 8, 13, 21), 9)).toEqual(rows(13, 21));
  });

  it('empties a list retention deleted entirely', () => {
    expect(withoutDeleted(rows(3, 5, 8), 9)).toEqual([]);
    expect(withoutDeleted(rows(3, 5, 8), 1_000)).toEqual([]);
  });

  it('hands back the very same array when nothing was deleted, so state holding it does not change', () => {
    const list = rows(8, 13, 21);
    expect(withoutDeleted(list, 8)).toBe(list);
    expect(withoutDeleted(list, 1)).toBe(list);
    const empty: { seq: number }[] = [];
    expect(withoutDeleted(empty, 50)).toBe(empty);
  });
});
