import { describe, expect, it } from 'vitest';
import { endOffset, rowWindow } from '../../../src-renderer/src/lib/row-window';

describe('rowWindow', () => {
  it('covers the viewport at the offset, with overscan on both sides', () => {
    // Rows 10..19 fill a 280 px viewport at 280 px; two more on each side.
    expect(rowWindow(1_000, 28, 280, 280, 2)).toEqual({ start: 8, end: 22 });
  });

  it('counts a row cut by the viewport edge as visible', () => {
    expect(rowWindow(1_000, 28, 100, 14, 0)).toEqual({ start: 0, end: 5 });
  });

  it('stays inside the list at both ends, whatever the offset says', () => {
    expect(rowWindow(1_000, 28, 280, -50, 3)).toEqual({ start: 0, end: 13 });
    expect(rowWindow(1_000, 28, 280, 10_000_000, 3)).toEqual({ start: 987, end: 1_000 });
    expect(rowWindow(5, 28, 280, 0, 3)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(0, 28, 280, 0, 3)).toEqual({ start: 0, end: 0 });
  });
});

describe('endOffset', () => {
  it('is where the last row sits at the bottom, or 0 when everything fits', () => {
    expect(endOffset(1_000, 28, 280)).toBe(27_720);
    expect(endOffset(5, 28, 280)).toBe(0);
  });
});
