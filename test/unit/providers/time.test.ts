import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src-main/core/providers/time';

describe('parseTimestamp', () => {
  it('reads VoIPBin times as UTC with microseconds', () => {
    expect(parseTimestamp('2022-04-11 06:10:54.788000')).toBe(Date.UTC(2022, 3, 11, 6, 10, 54, 788));
  });

  it('treats the year-9999 sentinel and Go zero time as "not yet"', () => {
    expect(parseTimestamp('9999-01-01 00:00:00.000000')).toBeNull();
    expect(parseTimestamp('0001-01-01T00:00:00Z')).toBeNull();
  });

  it('reads RFC 3339 with zones and fractions', () => {
    expect(parseTimestamp('2024-02-20T15:04:05.678Z')).toBe(Date.UTC(2024, 1, 20, 15, 4, 5, 678));
    expect(parseTimestamp('2024-02-20T17:04:05+02:00')).toBe(Date.UTC(2024, 1, 20, 15, 4, 5));
    expect(parseTimestamp('2024-02-20T10:04:05.123456789-05:00')).toBe(Date.UTC(2024, 1, 20, 15, 4, 5, 123));
  });

  it('reads epoch ms and s, as numbers or numeric strings', () => {
    expect(parseTimestamp(1712345679012)).toBe(1712345679012);
    expect(parseTimestamp('1712345679012')).toBe(1712345679012);
    expect(parseTimestamp(1712345679)).toBe(1712345679000);
    expect(parseTimestamp(1712345679.5)).toBe(1712345679500);
  });

  it('returns null for anything else', () => {
    const junk = [null, undefined, '', 'yesterday', 0, -5, Number.NaN, Infinity, {}, [], '2024-13-01 00:00:00', true];
    for (const value of junk) {
      expect(parseTimestamp(value)).toBeNull();
    }
  });
});
