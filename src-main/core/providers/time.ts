import type { JsonObject } from './json-fields';
import { field } from './json-fields';

/**
 * Provider timestamps to ms since epoch. Accepted: epoch ms or s (number or numeric string),
 * RFC 3339, and VoIPBin's "2022-04-11 06:10:54.788000" (no zone: UTC). Sentinels that mean
 * "not yet" (VoIPBin's year 9999, Go's zero time in year 1) become null.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;

/** 1e11 ms is March 1973 and 1e11 s is year 5138: any real event time is on one side of it. */
const EPOCH_SECONDS_BELOW = 1e11;
const FIRST_PLAUSIBLE_YEAR = 1970;
const NOT_YET_YEAR = 9999;
// Most VoIPBin times are this sentinel; skip the date pattern for them.
const NOT_YET_PREFIX = `${NOT_YET_YEAR}-`;

export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return fromEpochNumber(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith(NOT_YET_PREFIX)) return null;
  if (NUMERIC.test(text)) return fromEpochNumber(Number(text));
  return fromDateTimeText(text);
}

function fromEpochNumber(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  return value < EPOCH_SECONDS_BELOW ? Math.round(value * 1000) : Math.round(value);
}

function fromDateTimeText(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < FIRST_PLAUSIBLE_YEAR || year >= NOT_YET_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return null;
  }
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

export function timeField(obj: JsonObject | null, key: string): number | null {
  return obj === null ? null : parseTimestamp(field(obj, key));
}
