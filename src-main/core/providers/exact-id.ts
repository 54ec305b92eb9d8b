import type { JsonObject } from './json-fields';
import { field } from './json-fields';

/**
 * Provider ids are 64-bit integers and JSON.parse rounds any integer above 2^53 (6524329623650304123
 * becomes 6524329623650304000). An id is always a string here; when it arrived as such a number,
 * its exact digits are taken back from the frame text.
 */
export function exactId(obj: JsonObject | null, key: string, jsonText: string): string | null {
  if (obj === null) return null;
  const value = field(obj, key);
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (Number.isSafeInteger(value)) return String(value);
  return integerDigitsInText(jsonText, key, value) ?? String(value);
}

/** Rewrites the listed top-level fields of a payload that lost precision as their exact digit strings. */
export function restoreExactIds(obj: JsonObject, keys: readonly string[], jsonText: string): void {
  for (const key of keys) {
    const value = field(obj, key);
    if (typeof value !== 'number' || Number.isSafeInteger(value) || !Number.isInteger(value)) continue;
    const digits = integerDigitsInText(jsonText, key, value);
    if (digits !== null) obj[key] = digits;
  }
}

// Every integer above 2^53 has at least 16 digits; shorter numbers are exact and never looked up.
const LONG_INTEGER_MEMBER = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?\d{16,})(?![\d.eE])/g;

let indexedText: string | null = null;
let indexedDigits = new Map<string, string[]>();

/** All `"key": <long integer>` members of a text, found in one pass and kept for the frame's other ids. */
function longIntegersByKey(jsonText: string): Map<string, string[]> {
  if (jsonText === indexedText) return indexedDigits;
  const byKey = new Map<string, string[]>();
  for (const match of jsonText.matchAll(LONG_INTEGER_MEMBER)) {
    const [, key, digits] = match;
    if (key === undefined || digits === undefined) continue;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [digits]);
    else list.push(digits);
  }
  indexedText = jsonText;
  indexedDigits = byKey;
  return byKey;
}

/** The digits of `"key": <integer>` whose value parses to `value` (the same key may also appear nested). */
function integerDigitsInText(jsonText: string, key: string, value: number): string | null {
  const candidates = longIntegersByKey(jsonText).get(key) ?? [];
  return candidates.find((digits) => Number(digits) === value) ?? null;
}
