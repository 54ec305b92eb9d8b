import type { RetentionSettings } from '../../../src-main/core/api';
import { DEFAULT_RETENTION, MAX_AGE_HOURS_LIMIT, MAX_EVENTS_LIMIT } from '../../../src-main/core/storage/retention-settings';
import { formatCount } from './format';

export type AgeUnit = 'days' | 'hours';

/** The retention form as typed: a switched-off limit keeps its value, so switching it back on restores it. */
export interface RetentionForm {
  limitEvents: boolean;
  maxEvents: string;
  limitAge: boolean;
  maxAge: string;
  ageUnit: AgeUnit;
}

export interface RetentionFormProblems {
  maxEvents: string | null;
  maxAge: string | null;
}

export type ReadRetentionForm = { ok: true; settings: RetentionSettings } | { ok: false; problems: RetentionFormProblems };

const HOURS_PER: Record<AgeUnit, number> = { days: 24, hours: 1 };

export function formFromSettings(settings: RetentionSettings): RetentionForm {
  const hours = settings.maxAgeHours ?? DEFAULT_RETENTION.maxAgeHours;
  const ageUnit: AgeUnit = hours % 24 === 0 ? 'days' : 'hours';
  return {
    limitEvents: settings.maxEvents !== null,
    maxEvents: formatCount(settings.maxEvents ?? DEFAULT_RETENTION.maxEvents),
    limitAge: settings.maxAgeHours !== null,
    maxAge: String(hours / HOURS_PER[ageUnit]),
    ageUnit,
  };
}

export function readRetentionForm(form: RetentionForm): ReadRetentionForm {
  const events = form.limitEvents ? wholeNumber(form.maxEvents, MAX_EVENTS_LIMIT, 'events') : { value: null, problem: null };
  const ageBound = Math.floor(MAX_AGE_HOURS_LIMIT / HOURS_PER[form.ageUnit]);
  const age = form.limitAge ? wholeNumber(form.maxAge, ageBound, form.ageUnit) : { value: null, problem: null };
  if (events.problem !== null || age.problem !== null) return { ok: false, problems: { maxEvents: events.problem, maxAge: age.problem } };
  return {
    ok: true,
    settings: { maxEvents: events.value, maxAgeHours: age.value === null ? null : age.value * HOURS_PER[form.ageUnit] },
  };
}

/** Digit grouping as people type it ("2,000,000", "2 000 000") is fine; a decimal point is not. */
function wholeNumber(text: string, bound: number, unit: string): { value: number | null; problem: string | null } {
  const digits = text.replace(/[\s,_']/g, '');
  if (digits === '') return { value: null, problem: `Enter a number of ${unit}, or switch this limit off.` };
  if (!/^\d+$/.test(digits)) return { value: null, problem: `Use a whole number of ${unit}, such as ${unit === 'events' ? '500,000' : '30'}.` };
  const value = Number(digits);
  if (value < 1) return { value: null, problem: `Keep at least 1 ${unit === 'events' ? 'event' : unit.slice(0, -1)}, or switch this limit off.` };
  if (value > bound) return { value: null, problem: `At most ${formatCount(bound)} ${unit}.` };
  return { value, problem: null };
}

/** What saving would delete at once, from what the log holds now; null when it deletes nothing. */
export function deletionPreview(settings: RetentionSettings, events: number, oldestReceivedAt: number | null, now: number): string | null {
  const overCount = settings.maxEvents === null ? 0 : events - settings.maxEvents;
  const cutoff = settings.maxAgeHours === null ? null : now - settings.maxAgeHours * 3_600_000;
  const hasTooOld = cutoff !== null && oldestReceivedAt !== null && oldestReceivedAt < cutoff;
  const parts = [
    ...(overCount > 0 ? [`the oldest ${formatCount(overCount)} events`] : []),
    ...(hasTooOld ? [`every event received before ${new Date(cutoff).toLocaleString()}`] : []),
  ];
  return parts.length === 0 ? null : `Saving deletes ${parts.join(' and ')} now.`;
}
