import { describe, expect, it } from 'vitest';
import { decodeUtf8Strict, parseJsonText } from '../../../src-main/core/providers/frame-text';
import { findJsonErrorPosition } from '../../../src-main/core/providers/json-error-position';

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8, including 4-byte characters', () => {
    expect(decodeUtf8Strict(Buffer.from('héllo ☎ 😀'))).toEqual({ ok: true, text: 'héllo ☎ 😀' });
  });

  it('names the offset and value of the first bad byte', () => {
    expect(decodeUtf8Strict(Buffer.from([0x7b, 0x22, 0xff, 0x22]))).toEqual({
      ok: false,
      detail: 'Invalid UTF-8 at byte 2 (0xff)',
    });
  });

  it('rejects overlong encodings and lone surrogates', () => {
    expect(decodeUtf8Strict(Buffer.from([0x41, 0xc0, 0xaf])).ok).toBe(false);
    const surrogate = decodeUtf8Strict(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80]));
    expect(surrogate).toEqual({ ok: false, detail: 'Invalid UTF-8 at byte 2 (0xed)' });
  });

  it('reports a sequence cut off at the end', () => {
    expect(decodeUtf8Strict(Buffer.from([0x41, 0xe2, 0x98]))).toEqual({
      ok: false,
      detail: 'Invalid UTF-8 at byte 1 (0xe2)',
    });
  });
});

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,true,null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('gives the position of an unexpected token, which V8 does not', () => {
    const text = '{"state": "ringing", "call_id": x}';
    const result = parseJsonText(text);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid_json',
      detail: "Invalid JSON at position 32: Unexpected token 'x'", position: 32 });
    expect(text[32]).toBe('x');
  });

  it('keeps the position V8 gives, without its line and column suffix', () => {
    expect(parseJsonText('{"a": 1,}')).toEqual({
      ok: false,
      reason: 'invalid_json',
      detail: 'Invalid JSON at position 8: Expected double-quoted property name',
      position: 8,
    });
  });

  it('reports truncated input at its end and empty frames as empty', () => {
    expect(parseJsonText('{"a":')).toEqual({
      ok: false,
      reason: 'invalid_json',
      detail: 'Invalid JSON at position 5: Unexpected end of input',
      position: 5,
    });
    expect(parseJsonText('   ')).toEqual({
      ok: false,
      reason: 'invalid_json',
      detail: 'Invalid JSON: the frame is empty',
      position: null,
    });
  });

  it('refuses JSON nested too deep to serialize again, and says where', () => {
    expect(parseJsonText('['.repeat(10_000) + ']'.repeat(10_000))).toEqual({
      ok: false,
      reason: 'too_deep',
      detail: 'JSON nested deeper than 512 levels (at position 512)',
      position: 512,
    });
    expect(parseJsonText('['.repeat(512) + ']'.repeat(512)).ok).toBe(true);
    // Brackets inside strings do not count.
    const wide = JSON.stringify({ s: '[[[{{{'.repeat(1000), list: Array.from({ length: 1000 }, () => ({ a: [1] })) });
    expect(parseJsonText(wide).ok).toBe(true);
  });

  it('never echoes the frame text into the error', () => {
    const result = parseJsonText(`{"token": "secret-value", "a": oops}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).not.toContain('secret-value');
  });
});

describe('findJsonErrorPosition', () => {
  const cases: [string, number | null][] = [
    ['{"a":1}', null],
    ['[1, 2, {"b": [true, false, null, "x\\u00e9\\n"]}]', null],
    ['  -1.5e+3 ', null],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a":tru}', 8],
    ['"ab\u0001"', 3],
    ['"\\q"', 2],
    ['{} x', 3],
    ['[', 1],
    ['{"a":1,"b":}', 11],
    ['{,}', 1],
    ['01', 1],
  ];
  it.each(cases)('%j -> %s', (text, position) => {
    expect(findJsonErrorPosition(text)).toBe(position);
  });

  it('agrees with V8 wherever V8 names a position', () => {
    const broken = ['{"a": 1,}', '[1,2', '{"a":"\u0001"}', '{} x', '"abc', '{"a" 1}', '[1 2]', '{"a":1,"b":}'];
    for (const text of broken) {
      let v8Position: number | null = null;
      try {
        JSON.parse(text);
      } catch (error) {
        const match = /at position (\d+)/.exec((error as Error).message);
        if (match?.[1] !== undefined) v8Position = Number(match[1]);
      }
      if (v8Position !== null) {
        expect({ text, position: findJsonErrorPosition(text) }).toEqual({ text, position: v8Position });
      }
    }
  });

  it('does not recurse on deep nesting', () => {
    expect(findJsonErrorPosition('['.repeat(200_000) + ']'.repeat(200_000))).toBeNull();
    expect(findJsonErrorPosition('['.repeat(200_000) + 'x')).toBe(200_000);
  });
});
