import { describe, expect, it } from 'vitest';
import { formatCopiedValue, formatPath } from '../../../src-renderer/src/lib/json-path';

describe('formatPath: the path "copy path" puts on the clipboard', () => {
  it('joins identifier keys with dots and indexes with brackets', () => {
    expect(formatPath(['target', 'name'])).toBe('target.name');
    expect(formatPath(['recording_details', 0, 'url'])).toBe('recording_details[0].url');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath(['$ref', '_t'])).toBe('$ref._t');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatPath(['headers', 'x-request-id'])).toBe('headers["x-request-id"]');
    expect(formatPath(['a b', 'c'])).toBe('["a b"].c');
    expect(formatPath(['0'])).toBe('["0"]');
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
    expect(formatPath([''])).toBe('[""]');
  });

  it('gives the root the empty path', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('formatCopiedValue: what "copy value" puts on the clipboard', () => {
  it('copies strings bare and everything else as JSON', () => {
    expect(formatCopiedValue('5801234567890123')).toBe('5801234567890123');
    expect(formatCopiedValue(192000)).toBe('192000');
    expect(formatCopiedValue(null)).toBe('null');
    expect(formatCopiedValue(false)).toBe('false');
    expect(formatCopiedValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
