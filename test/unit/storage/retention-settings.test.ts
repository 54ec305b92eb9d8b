import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  MAX_AGE_HOURS_LIMIT,
  MAX_EVENTS_LIMIT,
  parseRetentionSettings,
  toStorePolicy,
} from '../../../src-main/core/storage/retention-settings';

describe('retention settings', () => {
  it('defaults to 2,000,000 events and 30 days', () => {
    expect(DEFAULT_RETENTION).toEqual({ maxEvents: 2_000_000, maxAgeHours: 720 });
  });

  it('accepts whole numbers within the bounds, and null for no limit', () => {
    for (const settings of [
      { maxEvents: 1, maxAgeHours: 1 },
      { maxEvents: MAX_EVENTS_LIMIT, maxAgeHours: MAX_AGE_HOURS_LIMIT },
      { maxEvents: null, maxAgeHours: null },
      { maxEvents: 500, maxAgeHours: null },
    ]) {
      expect(parseRetentionSettings(settings)).toEqual({ ok: true, settings });
    }
  });

  it('refuses anything else, naming the field and what it got', () => {
    const refused = (value: unknown): string[] => {
      const parsed = parseRetentionSettings(value);
      if (parsed.ok) throw new Error(`accepted ${JSON.stringify(value)}`);
      return parsed.problems;
    };
    expect(refused({ maxEvents: 0, maxAgeHours: null })).toEqual([
      'maxEvents must be a whole number from 1 to 1000000000, or null for no limit (got 0)',
    ]);
    expect(refused({ maxEvents: null, maxAgeHours: 1.5 })).toEqual([expect.stringMatching(/^maxAgeHours must be a whole number .*\(got 1\.5\)$/)]);
    expect(refused({ maxEvents: -3, maxAgeHours: '24' })).toEqual([
      expect.stringMatching(/^maxEvents .*\(got -3\)$/),
      expect.stringMatching(/^maxAgeHours .*\(got "24"\)$/),
    ]);
    expect(refused({ maxEvents: Number.NaN, maxAgeHours: Number.POSITIVE_INFINITY })).toHaveLength(2);
    expect(refused({ maxEvents: MAX_EVENTS_LIMIT + 1, maxAgeHours: null })).toHaveLength(1);
    expect(refused({ maxEvents: null, maxAgeHours: MAX_AGE_HOURS_LIMIT + 1 })).toHaveLength(1);
    expect(refused({ maxEvents: 10 })).toEqual(['maxAgeHours is required (a whole number, or null for no limit)']);
    expect(refused(null)).toEqual(['retention settings must be an object with maxEvents and maxAgeHours']);
    expect(refused([10, 10])).toHaveLength(1);
    expect(refused({ maxEvents: 'x'.repeat(1000), maxAgeHours: null })[0]).toMatch(/\(got "x{39}…\)$/);
  });

  it('gives the store its age limit in milliseconds', () => {
    expect(toStorePolicy({ maxEvents: 10, maxAgeHours: 2 })).toEqual({ maxEvents: 10, maxAgeMs: 7_200_000 });
    expect(toStorePolicy({ maxEvents: null, maxAgeHours: null })).toEqual({ maxEvents: null, maxAgeMs: null });
  });
});
