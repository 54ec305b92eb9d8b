import { describe, expect, it } from 'vitest';
import { deletionPreview, formFromSettings, readRetentionForm, type RetentionForm } from '../../../src-renderer/src/lib/retention-form';

const form = (changes: Partial<RetentionForm> = {}): RetentionForm => ({
  limitEvents: true,
  maxEvents: '2,000,000',
  limitAge: true,
  maxAge: '30',
  ageUnit: 'days',
  ...changes,
});

describe('retention form', () => {
  it('shows whole days as days, other ages as hours, and keeps a default under a switched-off limit', () => {
    expect(formFromSettings({ maxEvents: 2_000_000, maxAgeHours: 720 })).toEqual(form());
    expect(formFromSettings({ maxEvents: 50, maxAgeHours: 36 })).toEqual(form({ maxEvents: '50', maxAge: '36', ageUnit: 'hours' }));
    expect(formFromSettings({ maxEvents: null, maxAgeHours: null })).toEqual(form({ limitEvents: false, limitAge: false }));
  });

  it('reads grouped digits and units into the settings the core takes', () => {
    expect(readRetentionForm(form())).toEqual({ ok: true, settings: { maxEvents: 2_000_000, maxAgeHours: 720 } });
    expect(readRetentionForm(form({ maxEvents: ' 1 500 ', maxAge: '12', ageUnit: 'hours' }))).toEqual({ ok: true, settings: { maxEvents: 1_500, maxAgeHours: 12 } });
    // A switched-off limit is no limit, whatever its box holds.
    expect(readRetentionForm(form({ limitEvents: false, maxEvents: 'junk', limitAge: false, maxAge: '' }))).toEqual({
      ok: true,
      settings: { maxEvents: null, maxAgeHours: null },
    });
  });

  it('says what is wrong with each limit', () => {
    const problems = (changes: Partial<RetentionForm>) => {
      const read = readRetentionForm(form(changes));
      return read.ok ? null : read.problems;
    };
    expect(problems({ maxEvents: '' })).toEqual({ maxEvents: 'Enter a number of events, or switch this limit off.', maxAge: null });
    expect(problems({ maxEvents: '1.5', maxAge: '-2' })).toEqual({
      maxEvents: 'Use a whole number of events, such as 500,000.',
      maxAge: 'Use a whole number of days, such as 30.',
    });
    expect(problems({ maxEvents: '0', maxAge: '0', ageUnit: 'hours' })).toEqual({
      maxEvents: 'Keep at least 1 event, or switch this limit off.',
      maxAge: 'Keep at least 1 hour, or switch this limit off.',
    });
    expect(problems({ maxEvents: '1000000001', maxAge: '36501' })).toEqual({ maxEvents: 'At most 1,000,000,000 events.', maxAge: 'At most 36,500 days.' });
  });

  it('warns what saving would delete now', () => {
    const now = Date.UTC(2025, 0, 10);
    expect(deletionPreview({ maxEvents: 100, maxAgeHours: null }, 250, now - 1_000, now)).toBe('Saving deletes the oldest 150 events now.');
    expect(deletionPreview({ maxEvents: 100, maxAgeHours: 24 }, 80, now - 1_000, now)).toBeNull();
    expect(deletionPreview({ maxEvents: null, maxAgeHours: 24 }, 80, now - 2 * 86_400_000, now)).toMatch(/^Saving deletes every event received before .+ now\.$/);
    expect(deletionPreview({ maxEvents: 10, maxAgeHours: 24 }, 80, now - 2 * 86_400_000, now)).toMatch(/^Saving deletes the oldest 70 events and every event received before/);
    expect(deletionPreview({ maxEvents: 10, maxAgeHours: 24 }, 0, null, now)).toBeNull();
  });
});
