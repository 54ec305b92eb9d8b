import type { RetentionSettings } from '../api';
import type { RetentionPolicy } from '../store/types';

// Plain data and checks, no Node imports: the renderer's form uses the same defaults and bounds.

export const DEFAULT_RETENTION = { maxEvents: 2_000_000, maxAgeHours: 30 * 24 } satisfies RetentionSettings;

/** Far beyond any log a desktop keeps; the bounds only stop a typo from meaning "forever". */
export const MAX_EVENTS_LIMIT = 1_000_000_000;
export const MAX_AGE_HOURS_LIMIT = 100 * 365 * 24;

const HOUR_MS = 3_600_000;

export type ParsedRetention = { ok: true; settings: RetentionSettings } | { ok: false; problems: string[] };

/** Each limit must be a whole number from 1 to its bound, or null for no limit; both must be present. */
export function parseRetentionSettings(value: unknown): ParsedRetention {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: ['retention settings must be an object with maxEvents and maxAgeHours'] };
  }
  const { maxEvents, maxAgeHours } = value as Record<string, unknown>;
  const problems = [limitProblem('maxEvents', maxEvents, MAX_EVENTS_LIMIT), limitProblem('maxAgeHours', maxAgeHours, MAX_AGE_HOURS_LIMIT)].filter(
    (problem): problem is string => problem !== null,
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { maxEvents: maxEvents as number | null, maxAgeHours: maxAgeHours as number | null } };
}

function limitProblem(name: string, value: unknown, bound: number): string | null {
  if (value === null) return null;
  if (value === undefined) return `${name} is required (a whole number, or null for no limit)`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > bound) {
    return `${name} must be a whole number from 1 to ${bound}, or null for no limit (got ${shown(value)})`;
  }
  return null;
}

function shown(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function toStorePolicy(settings: RetentionSettings): RetentionPolicy {
  return { maxEvents: settings.maxEvents, maxAgeMs: settings.maxAgeHours === null ? null : settings.maxAgeHours * HOUR_MS };
}

/** For messages: "at most 2,000,000 events, at most 30 days old". */
export function describeRetention(settings: RetentionSettings): string {
  const events = settings.maxEvents === null ? 'no event limit' : `at most ${settings.maxEvents.toLocaleString('en-US')} events`;
  return `${events}, ${settings.maxAgeHours === null ? 'no age limit' : `at most ${ageText(settings.maxAgeHours)} old`}`;
}

function ageText(hours: number): string {
  if (hours % 24 !== 0) return hours === 1 ? '1 hour' : `${hours} hours`;
  return hours === 24 ? '1 day' : `${hours / 24} days`;
}
