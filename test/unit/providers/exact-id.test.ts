import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactId, restoreExactIds } from '../../../src-main/core/providers/exact-id';
import { withQuotedIntegers } from '../../../src-main/core/providers/quoted-integers';

const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

describe('exactId', () => {
  it('takes the digits of a 64-bit id back from the text', () => {
    const text = '{"call_id":6524329623650304123,"state":"ringing"}';
    expect(exactId(parse(text), 'call_id', text)).toBe('6524329623650304123');
  });

  it('reads members with blanks around the colon, negative values and the last member of a text', () => {
    const text = '{ "a" :\n\t6524329623650304123 , "b": -6524329623650304123}';
    expect(exactId(parse(text), 'a', text)).toBe('6524329623650304123');
    expect(exactId(parse(text), 'b', text)).toBe('-6524329623650304123');
    const last = '{"z":6524329623650304125}';
    expect(exactId(parse(last), 'z', last)).toBe('6524329623650304125');
  });

  it('tells apart a nested member with the same key by its value', () => {
    const text = '{"target":{"id":5235518231109632001},"id":5235518231109632999}';
    const obj = parse(text);
    expect(exactId(obj, 'id', text)).toBe('5235518231109632999');
    expect(exactId(obj.target as Record<string, unknown>, 'id', text)).toBe('5235518231109632001');
  });

  it('matches a key written with escapes as JSON.parse reads it', () => {
    const text = '{"call\\u005fid":6524329623650304123}';
    expect(exactId(parse(text), 'call_id', text)).toBe('6524329623650304123');
  });

  it('ignores digits inside strings, fractions and exponents, and keeps short integers as they are', () => {
    const text = '{"note":"6524329623650304123","f":6524329623650304123.5,"e":6524329623650304123e2,"n":42}';
    const obj = parse(text);
    expect(exactId(obj, 'note', text)).toBe('6524329623650304123');
    expect(exactId(obj, 'n', text)).toBe('42');
    expect(exactId(obj, 'f', text)).toBe(String(obj.f));
  });

  it('finds the key even when it holds an escaped quote', () => {
    const text = '{"we\\"ird":6524329623650304123}';
    expect(exactId(parse(text), 'we"ird', text)).toBe('6524329623650304123');
  });

  it('does not take a name that only ends like the key after an escaped quote', () => {
    // Both numbers round to the same double: only the member name tells them apart.
    const text = '{"x\\"call_id":6524329623650304100,"call_id":6524329623650304123}';
    expect(Number('6524329623650304100')).toBe(Number('6524329623650304123'));
    expect(exactId(parse(text), 'call_id', text)).toBe('6524329623650304123');
  });
});

describe('restoreExactIds', () => {
  it('rewrites only the listed fields that lost precision', () => {
    const text = '{"call_id":6524329623650304123,"master_call_id":6524329623650304124,"duration":65243296236503041}';
    const obj = parse(text);
    expect(restoreExactIds(obj, ['call_id', 'master_call_id', 'missing'], text)).toEqual([11, 30, 48, 67]);
    expect(obj.call_id).toBe('6524329623650304123');
    expect(obj.master_call_id).toBe('6524329623650304124');
    expect(typeof obj.duration).toBe('number');
  });

  it('returns the spans in text order whatever the order of the keys, with blanks around colons', () => {
    const text = '{"entry_point_call_id" : 6524329623650304125, "call_id":\n6524329623650304123,"master_call_id":-6524329623650304124}';
    const obj = parse(text);
    const spans = restoreExactIds(obj, ['call_id', 'master_call_id', 'entry_point_call_id'], text);
    expect(spans).toEqual([25, 44, 57, 76, 94, 114]);
    expect(JSON.parse(withQuotedIntegers(text, spans!))).toEqual(obj);
    expect(obj).toEqual({
      entry_point_call_id: '6524329623650304125',
      call_id: '6524329623650304123',
      master_call_id: '-6524329623650304124',
    });
  });

  it('leaves the text to JSON.stringify when the key is also written elsewhere, as a value or nested', () => {
    for (const text of [
      '{"note":"call_id","call_id":6524329623650304123}',
      '{"legs":[{"call_id":6524329623650304999}],"call_id":6524329623650304123}',
    ]) {
      const obj = parse(text);
      expect(restoreExactIds(obj, ['call_id', 'master_call_id'], text)).toBeNull();
      expect(obj.call_id).toBe('6524329623650304123');
    }
  });

  it('gives a text that parses to the restored payload, for any payload', () => {
    /** A long integer, written into the text as digits. */
    const longInteger = fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n - 1n }).map((value) => ({ digits: value.toString() }));
    const member = fc.oneof(longInteger, fc.integer(), fc.string(), fc.constant(null));
    const frame = fc.record(
      { call_id: member, master_call_id: member, other: fc.oneof(member, fc.record({ call_id: member })) },
      { requiredKeys: [] },
    );
    const write = (value: unknown, blank: string): string =>
      typeof value === 'object' && value !== null && 'digits' in value
        ? String(value.digits)
        : typeof value === 'object' && value !== null
          ? `{${Object.entries(value).map(([key, inner]) => `"${key}"${blank}:${blank}${write(inner, blank)}`).join(',')}}`
          : JSON.stringify(value);
    fc.assert(
      fc.property(frame, fc.constantFrom('', ' ', '\n '), (members, blank) => {
        const text = write(members, blank);
        const obj = parse(text);
        const spans = restoreExactIds(obj, ['call_id', 'master_call_id'], text);
        for (const key of ['call_id', 'master_call_id'] as const) {
          const written = members[key];
          if (typeof written === 'object' && written !== null) expect(obj[key]).toBe(written.digits);
        }
        if (spans !== null) expect(JSON.parse(withQuotedIntegers(text, spans))).toEqual(obj);
      }),
    );
  });
});
