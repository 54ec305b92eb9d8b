import { MAX_REGEX_LENGTH, MAX_REGEX_SUBJECT } from './limits';

/** Unbounded repetitions (`*`, `+`, `{n,}`, `{n,m}` with a large m) one pattern may hold. */
const MAX_UNBOUNDED_REPEATS = 3;
const LARGE_REPEAT = 10;

export type SafeRegexResult = { ok: true; regex: RegExp } | { ok: false; message: string };

interface Group {
  repeats: boolean;
  alternates: boolean;
}

/**
 * Compiles a user regex only when backtracking stays bounded: no repeated group that holds a
 * repetition or an alternation (`(a+)+`, `(a|a)*`: exponential), no backreferences, few
 * unbounded repeats. The rest is polynomial, and the subject is capped (testRegex).
 */
export function compileSafeRegex(source: string, flags: string): SafeRegexResult {
  if (source.length === 0) return { ok: false, message: 'The regex is empty' };
  if (source.length > MAX_REGEX_LENGTH) {
    return { ok: false, message: `The regex is longer than ${MAX_REGEX_LENGTH} characters` };
  }
  const unsafe = findUnsafeConstruct(source);
  if (unsafe) return { ok: false, message: unsafe };
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return { ok: false, message: `Invalid regex (${reason})` };
  }
}

export function testRegex(regex: RegExp, value: string): boolean {
  return regex.test(value.length > MAX_REGEX_SUBJECT ? value.slice(0, MAX_REGEX_SUBJECT) : value);
}

function findUnsafeConstruct(source: string): string | null {
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  /** The group that just closed, so a quantifier after it can be checked against its content. */
  let closed: Group | null = null;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    const current = stack.at(-1)!;
    const justClosed = closed;
    closed = null;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'Backreferences are not supported in filter regexes';
      index++;
    } else if (char === '[') {
      index = classEnd(source, index);
    } else if (char === '(') {
      stack.push({ repeats: false, alternates: false });
      index = groupPrefixEnd(source, index);
    } else if (char === ')') {
      if (stack.length > 1) {
        const group = stack.pop()!;
        const parent = stack.at(-1)!;
        parent.repeats ||= group.repeats;
        parent.alternates ||= group.alternates;
        closed = group;
      }
    } else if (char === '|') {
      current.alternates = true;
    } else {
      const quantifier = readQuantifier(source, index);
      if (quantifier) {
        if (justClosed && (justClosed.repeats || justClosed.alternates)) {
          return 'This regex could take very long: a repeated group contains another repetition or an alternation';
        }
        current.repeats = true;
        if (quantifier.unbounded && ++unbounded > MAX_UNBOUNDED_REPEATS) {
          return `This regex could take very long: more than ${MAX_UNBOUNDED_REPEATS} unbounded repetitions`;
        }
        index = quantifier.end - 1;
        // A lazy or possessive marker belongs to the quantifier.
        if (source[index + 1] === '?') index++;
      }
    }
  }
  return null;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` so their `?` is not read as a quantifier. */
function groupPrefixEnd(source: string, open: number): number {
  if (source[open + 1] !== '?') return open;
  const prefix = /^\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(source.slice(open + 1));
  return prefix ? open + prefix[0].length : open;
}

function classEnd(source: string, start: number): number {
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === ']') return index;
  }
  return source.length;
}

function readQuantifier(source: string, index: number): { unbounded: boolean; end: number } | null {
  const char = source[index];
  if (char === '*' || char === '+') return { unbounded: true, end: index + 1 };
  if (char === '?') return { unbounded: false, end: index + 1 };
  if (char !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(index));
  if (!match) return null;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return { unbounded: max > LARGE_REPEAT, end: index + match[0].length };
}
