import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../../src-main/core/export/csv';

describe('csv', () => {
  it('leaves plain fields alone', () => {
    expect(csvField('call.ringing')).toBe('call.ringing');
    expect(csvField('')).toBe('');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
  ])('quotes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends records with CRLF', () => {
    expect(csvRecord(['1', 'a,b', 'c'])).toBe('1,"a,b",c\r\n');
  });
});
