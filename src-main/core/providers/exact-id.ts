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

/**
 * Rewrites the listed top-level fields of a payload that lost precision as their exact digit
 * strings. Says how the payload's JSON text now differs from `jsonText`, so the store need not
 * stringify it: the [start, end) offsets of the integers that are now strings (see
 * withQuotedIntegers; empty when nothing changed), or null when only JSON.stringify can tell.
 */
export function restoreExactIds(obj: JsonObject, keys: readonly string[], jsonText: string): number[] | null {
  // An escaped spelling of a key (`"call\u005fid"`) could be the member the object holds: such a
  // text is searched the long way and never patched.
  const plain = !jsonText.includes('\\');
  let soleNames: number[] | null = null;
  const spans: number[] = [];
  let textKnown = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const value = field(obj, key);
    if (typeof value !== 'number' || Number.isSafeInteger(value) || !Number.isInteger(value)) continue;
    if (plain) soleNames ??= soleMemberNames(jsonText, memberNames(keys));
    const digitsAt = valueAfterName(jsonText, soleNames?.[index] ?? -1, key);
    const digitsEnd = digitsAt < 0 ? null : integerEnd(jsonText, digitsAt);
    if (digitsEnd !== null) {
      obj[key] = jsonText.slice(digitsAt, digitsEnd);
      insertSpan(spans, digitsAt, digitsEnd);
      continue;
    }
    textKnown = false;
    const digits = integerDigitsInText(jsonText, key, value);
    if (digits !== null) obj[key] = digits;
  }
  return textKnown ? spans : null;
}

/** The `"key"` member names of a list of keys, and the longest end they all share. */
interface MemberNames {
  names: string[];
  sharedEnd: string;
}

const memberNamesByKeys = new WeakMap<readonly string[], MemberNames>();

/** Worked out once per list: callers pass the same constant array on every frame. */
function memberNames(keys: readonly string[]): MemberNames {
  let known = memberNamesByKeys.get(keys);
  if (known === undefined) {
    const names = keys.map((key) => `"${key}"`);
    let sharedEnd = names[0] ?? '"';
    for (const name of names) while (!name.endsWith(sharedEnd)) sharedEnd = sharedEnd.slice(1);
    known = { names, sharedEnd };
    memberNamesByKeys.set(keys, known);
  }
  return known;
}

/**
 * For each name, its offset when a text without escapes writes it exactly once, else -1. Written
 * once, the name is the member the top-level object holds, so the digits after it are that
 * member's. One native search for the end the names share (`call_id"` for call_id,
 * master_call_id and entry_point_call_id) instead of a search of the whole text per name: an
 * unescaped quote before a name must open a string, so a hit completes at most one of them.
 */
function soleMemberNames(text: string, { names, sharedEnd }: MemberNames): number[] {
  const offsets = names.map(() => -1);
  const seen = names.map(() => 0);
  for (let at = text.indexOf(sharedEnd); at >= 0; at = text.indexOf(sharedEnd, at + 1)) {
    const end = at + sharedEnd.length;
    for (let index = 0; index < names.length; index++) {
      const start = end - names[index]!.length;
      if (start < 0 || !text.startsWith(names[index]!, start)) continue;
      seen[index]! += 1;
      offsets[index] = seen[index] === 1 ? start : -1;
    }
  }
  return offsets;
}

/** Where the value of the member named at `nameAt` (`"key"`, or -1 for none) starts, or -1. */
function valueAfterName(text: string, nameAt: number, key: string): number {
  if (nameAt < 0) return -1;
  const colon = skipBlanks(text, nameAt + key.length + 2);
  return text.charCodeAt(colon) === 0x3a ? skipBlanks(text, colon + 1) : -1;
}

/** Keeps the [start, end) pairs in ascending order (a handful at most). */
function insertSpan(spans: number[], start: number, end: number): void {
  let at = spans.length;
  while (at > 0 && spans[at - 2]! > start) at -= 2;
  spans.splice(at, 0, start, end);
}

/** End of the long integer (optionally negative) that starts at `start`, or null when there is none. */
function integerEnd(text: string, start: number): number | null {
  const first = text.charCodeAt(start) === 0x2d ? start + 1 : start;
  let end = first;
  while (isDigit(text.charCodeAt(end))) end++;
  return end - first < MIN_LONG_INTEGER_DIGITS || continuesNumber(text.charCodeAt(end)) ? null : end;
}

// Every integer above 2^53 has at least 16 digits; shorter numbers are exact and never looked up.
const MIN_LONG_INTEGER_DIGITS = 16;

let indexedText: string | null = null;
let indexedDigits = new Map<string, string[]>();

/**
 * All `"key": <long integer>` members of a text, found in one pass and kept for the frame's other
 * ids. It runs on every frame: stepping from colon to colon (indexOf is native) reads a few dozen
 * characters where a regex over every digit run of the text cost a third of a whole decode.
 */
function longIntegersByKey(jsonText: string): Map<string, string[]> {
  if (jsonText === indexedText) return indexedDigits;
  const byKey = new Map<string, string[]>();
  for (let colon = jsonText.indexOf(':'); colon >= 0; colon = jsonText.indexOf(':', colon + 1)) {
    const start = skipBlanks(jsonText, colon + 1);
    const end = integerEnd(jsonText, start);
    if (end === null) continue;
    const key = keyBefore(jsonText, colon);
    if (key === null) continue;
    const digits = jsonText.slice(start, end);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [digits]);
    else list.push(digits);
  }
  indexedText = jsonText;
  indexedDigits = byKey;
  return byKey;
}

function isDigit(charCode: number): boolean {
  return charCode >= 0x30 && charCode <= 0x39;
}

/** A fraction or exponent makes the digits part of a non-integer number. */
function continuesNumber(charCode: number): boolean {
  return charCode === 0x2e || charCode === 0x65 || charCode === 0x45;
}

function isBlank(charCode: number): boolean {
  return charCode === 0x20 || charCode === 0x09 || charCode === 0x0a || charCode === 0x0d;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** The member name a colon follows (`"key" :`), or null when the colon is not after a string (it is inside one). */
function keyBefore(text: string, colon: number): string | null {
  let closing = colon - 1;
  while (closing >= 0 && isBlank(text.charCodeAt(closing))) closing--;
  if (text.charCodeAt(closing) !== 0x22) return null;
  const opening = openingQuoteOf(text, closing);
  return opening < 0 ? null : decodeKey(text.slice(opening + 1, closing));
}

/** Index of the quote that opens the string closed at `closing`: the nearest one not escaped. */
function openingQuoteOf(text: string, closing: number): number {
  for (let i = closing - 1; i >= 0; i--) {
    if (text.charCodeAt(i) === 0x22 && !isEscaped(text, i)) return i;
  }
  return -1;
}

/** Keys are compared as JSON.parse sees them: escapes (`"call\u005fid"`) resolved. */
function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The digits of `"key": <integer>` whose value parses to `value` (the same key may also appear nested). */
function integerDigitsInText(jsonText: string, key: string, value: number): string | null {
  const direct = digitsAfterPlainKey(jsonText, key, value);
  if (direct !== null) return direct;
  // A key written with escapes (`"call\u005fid"`) is only found by reading every member name.
  const candidates = longIntegersByKey(jsonText).get(key) ?? [];
  return candidates.find((digits) => Number(digits) === value) ?? null;
}

/**
 * The common case, in a few native searches instead of a walk over every member: the key as
 * written (`"call_id"`), followed by a long integer that parses to `value`. An unescaped quote
 * before the name must open a string, since the text is valid JSON, so each hit is a member name.
 */
function digitsAfterPlainKey(jsonText: string, key: string, value: number): string | null {
  const quotedKey = `"${key}"`;
  for (let at = jsonText.indexOf(quotedKey); at >= 0; at = jsonText.indexOf(quotedKey, at + 1)) {
    if (isEscaped(jsonText, at)) continue;
    const colon = skipBlanks(jsonText, at + quotedKey.length);
    if (jsonText.charCodeAt(colon) !== 0x3a) continue;
    const start = skipBlanks(jsonText, colon + 1);
    const end = integerEnd(jsonText, start);
    if (end === null) continue;
    const digits = jsonText.slice(start, end);
    if (Number(digits) === value) return digits;
  }
  return null;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}
