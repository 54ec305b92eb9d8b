import { isUtf8 } from 'node:buffer';
import { MAX_JSON_DEPTH, findExcessiveNesting } from './json-depth';
import { findJsonErrorPosition } from './json-error-position';

export type Utf8Result = { ok: true; text: string } | { ok: false; detail: string };

/** Strict UTF-8: a frame is never silently "repaired" with U+FFFD, which would hide what was sent. */
export function decodeUtf8Strict(bytes: Buffer): Utf8Result {
  if (isUtf8(bytes)) return { ok: true, text: bytes.toString('utf8') };
  return { ok: false, detail: describeInvalidUtf8(bytes) };
}

function describeInvalidUtf8(bytes: Buffer): string {
  const offset = firstInvalidUtf8Offset(bytes);
  const byte = bytes[offset];
  if (byte === undefined) return `Invalid UTF-8: sequence cut off at byte ${offset}`;
  return `Invalid UTF-8 at byte ${offset} (0x${byte.toString(16).padStart(2, '0')})`;
}

/** Offset of the first byte that starts no valid sequence (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let continuation: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2;
      if (lead === 0xe0) secondMin = 0xa0;
      if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3;
      if (lead === 0xf0) secondMin = 0x90;
      if (lead === 0xf4) secondMax = 0x8f;
    } else return i;
    for (let k = 1; k <= continuation; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const min = k === 1 ? secondMin : 0x80;
      const max = k === 1 ? secondMax : 0xbf;
      if (next < min || next > max) return i;
    }
    i += continuation + 1;
  }
  return i;
}

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'invalid_json' | 'too_deep'; detail: string; position: number | null };

const V8_POSITION = /^(.*?) in JSON at position (\d+)/s;
// V8 quotes the frame around the fault ("..." when cut); that text may hold secrets and is never shown.
const V8_SOURCE_ECHO = /, (?:\.\.\.)?".*" is not valid JSON$/s;
const V8_END_OF_INPUT = 'Unexpected end of JSON input';

/** JSON.parse that reports what is wrong and where, in words a user can act on. */
export function parseJsonText(text: string): JsonResult {
  const tooDeepAt = findExcessiveNesting(text);
  if (tooDeepAt !== null) {
    const detail = `JSON nested deeper than ${MAX_JSON_DEPTH} levels (at position ${tooDeepAt})`;
    return { ok: false, reason: 'too_deep', detail, position: tooDeepAt };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return describeJsonFailure(text, error);
  }
}

function describeJsonFailure(text: string, error: unknown): JsonResult & { ok: false } {
  if (text.trim().length === 0) {
    return { ok: false, reason: 'invalid_json', detail: 'Invalid JSON: the frame is empty', position: null };
  }
  if (!(error instanceof SyntaxError)) {
    // Only reachable when memory runs out on a huge frame.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'invalid_json', detail: `Invalid JSON: ${reason}`, position: null };
  }
  const located = V8_POSITION.exec(error.message);
  let reason = located?.[1] ?? error.message.replace(V8_SOURCE_ECHO, '');
  let position = located?.[2] === undefined ? null : Number(located[2]);
  if (position === null && reason === V8_END_OF_INPUT) {
    reason = 'Unexpected end of input';
    position = text.length;
  } else if (position === null) {
    position = findJsonErrorPosition(text);
  }
  const where = position === null ? '' : ` at position ${position}`;
  return { ok: false, reason: 'invalid_json', detail: `Invalid JSON${where}: ${reason}`, position };
}

const JSON_START = new Set(['{', '[', '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 't', 'f', 'n']);

/** The first non-blank character, to tell a JSON frame from a plain text one without parsing. */
export function firstSignificantChar(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return undefined;
}

/** Whether a text could be JSON at all: plain text frames skip the cost of a failing JSON.parse. */
export function mayBeJson(text: string): boolean {
  const first = firstSignificantChar(text);
  return first !== undefined && JSON_START.has(first);
}
