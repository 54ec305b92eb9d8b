import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseFilterExpression } from '../../../src-main/core/filter';
import { regexMatches } from '../../../src-main/core/filter/evaluate';
import { MAX_REGEX_SUBJECT } from '../../../src-main/core/filter/limits';
import { useTempStores } from '../store/store-fixtures';
import { SAMPLE_EVENTS, STORED_SAMPLES } from './sample-events';

describe('hostile expressions', () => {
  it('refuses a huge expression without reading it', () => {
    const result = parseFilterExpression('state = hangup OR '.repeat(50_000));
    expect(result).toEqual({ ok: false, error: { message: 'The expression is longer than 2000 characters at column 2001', column: 2001 } });
  });

  it('refuses deep nesting and long NOT chains instead of overflowing the stack', () => {
    expect(parseFilterExpression(`${'('.repeat(200)}a = 1${')'.repeat(200)}`)).toEqual({
      ok: false,
      error: { message: 'Nested more than 32 levels deep at column 33', column: 33 },
    });
    expect(parseFilterExpression(`${'NOT '.repeat(400)}a = 1`).ok).toBe(false);
    expect(parseFilterExpression(`${'('.repeat(32)}a = 1${')'.repeat(32)}`).ok).toBe(true);
  });

  it('caps the number of conditions', () => {
    const result = parseFilterExpression(Array.from({ length: 101 }, (_, index) => `w${index}`).join(' '));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^More than 100 conditions at column \d+$/);
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(...'ab.@()"\'\\/=!<>~ 01-ANDORNOTexists*+?[]{}|$^'.split(''), 'AND', 'OR', 'NOT', 'exists(');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const result = parseFilterExpression(parts.join(''));
        if (!result.ok) {
          expect(result.error.message).toMatch(/ at column \d+$/);
          expect(result.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3_000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (input) => void parseFilterExpression(input)), { numRuns: 2_000 });
  });

  it('tries a regex on a bounded prefix of a long value', () => {
    const long = `${'a'.repeat(MAX_REGEX_SUBJECT)}needle`;
    expect(regexMatches('needle', '', long)).toBe(false);
    expect(regexMatches('^a+$', '', long)).toBe(true);
  });
});

const FIELDS = ['state', 'direction', 'duration', 'call_id', 'target.name', 'labels.0', 'is_transferred', '@type', '@seq', '@callId', '@summary', 'missing'];
const VALUES = ['hangup', 'inbound', '90000', '60000.5', '1001', '"1001"', 'true', 'null', '"Alice Moreno"', '7', 'call.hangup'];

/** Random well-formed expressions over the sample fields, to check the evaluator and the SQL agree. */
const expressionArbitrary: fc.Arbitrary<string> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom('=', '!=', '>', '>=', '<', '<='), fc.constantFrom(...VALUES)).map(([field, op, value]) =>
      op !== '=' && op !== '!=' && (value === 'true' || value === 'null') ? `${field} ${op} 1` : `${field} ${op} ${value}`,
    ),
    fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom('~', '!~'), fc.constantFrom('/smith/i', '/^1/', '/o.*e/', '"ring"')).map(([f, op, re]) => `${f} ${op} ${re}`),
    fc.constantFrom(...FIELDS).map((field) => `exists(${field})`),
    fc.constantFrom('smith', 'inbound', '"Sales queue"', 'order', 'diaz'),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.tuple(tie('node'), fc.constantFrom('AND', 'OR', ''), tie('node')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('node').map((inner) => `NOT ${inner}`),
  ),
})).node as fc.Arbitrary<string>;

describe('the evaluator and the store agree', () => {
  const stores = useTempStores();

  it('on random expressions over the sample events', () => {
    const store = stores.open();
    store.append(SAMPLE_EVENTS);
    fc.assert(
      fc.property(expressionArbitrary, (expression) => {
        const parsed = parseFilterExpression(expression);
        expect(parsed.ok, expression).toBe(true);
        if (!parsed.ok || parsed.expression === null) return;
        const live = STORED_SAMPLES.filter((event) => evaluate(parsed.expression!, event)).map((event) => event.seq);
        const history = store.query({ limit: 100, filter: { expression } }).events.map((event) => event.seq);
        expect(history, expression).toEqual(live);
      }),
      { numRuns: 500 },
    );
  });
});
