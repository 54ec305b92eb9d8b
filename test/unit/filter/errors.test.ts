import { describe, expect, it } from 'vitest';
import { parseFilterExpression } from '../../../src-main/core/filter';

function errorOf(input: string): { message: string; column: number } {
  const result = parseFilterExpression(input);
  if (result.ok) throw new Error(`parsed: ${input}`);
  return result.error;
}

describe('parse errors name the problem and its column', () => {
  it.each<[string, string, number]>([
    ['state = ', "Expected a value after '=', found the end at column 9", 9],
    ['duration >   AND x', "Expected a value after '>', found AND at column 14", 14],
    ['= hangup', "Expected a field name before '=' at column 1", 1],
    ['state = hangup AND', 'Expected a condition after AND, found the end at column 19', 19],
    ['OR state = x', 'Expected a condition, found OR at column 1', 1],
    ['(state = hangup', "Expected ')' to close the '(' at column 1, found the end at column 16", 16],
    ['state = hangup)', "Unmatched ')' at column 15", 15],
    ['()', "Expected a condition inside '()' at column 2", 2],
    ['name = "Bob', 'Unterminated string: add the closing " for the string starting at column 8', 8],
    ['name ~ /bob', 'Unterminated regex: add the closing / for the regex starting at column 8', 8],
    ['name ~ /bob/g', "Unsupported regex flags 'g' (use i, m, s or u) at column 13", 13],
    ['name ! bob', "Expected '=' or '~' after '!' at column 6", 6],
    ['@nope = 1', "Unknown event field '@nope' (use @type, @topic, @provider, @connection, @callId, @seq, @summary, @receivedAt, @occurredAt) at column 1", 1],
    ['a..b = 1', "'a..b' is not a field path (write keys joined by dots, like target.name) at column 1", 1],
    ['name = ~', "Expected a value after '=', found '~' at column 8", 8],
    ['duration > true', "'>' compares numbers or strings; duration cannot be compared with true at column 12", 12],
    ['exists(', "Expected a field name inside exists(), found the end at column 8", 8],
    ['exists(a b)', "Expected ')' to close the exists( at column 7 at column 10", 10],
    ['name ~ /(/', 'Invalid regex (/(/: Unterminated group) at column 8', 8],
  ])('%s', (input, message, column) => {
    expect(errorOf(input)).toEqual({ message, column });
  });

  it('refuses regexes that could backtrack for ever, or use backreferences', () => {
    for (const pattern of ['(a+)+$', '(a|aa)*b', '(.*a){12}', '(?:x*y?)+', '(a)\\1', '(?<n>a)\\k<n>', 'a+b+c+d+']) {
      const error = errorOf(`name ~ /${pattern}/`);
      expect(error.column).toBe(8);
      expect(error.message).toMatch(/could take very long|Backreferences/);
    }
    for (const pattern of ['^\\d+-\\d+$', '(?:ab)+', '[a+]+x', 'smith|jones', '(?:foo|bar)x*', '(?=a)b+']) {
      expect(parseFilterExpression(`name ~ /${pattern}/`).ok, pattern).toBe(true);
    }
  });
});
