import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../../../src-main/core/api';
import { parseEventQuery } from '../../../src-main/core/api-validation';
import { expressionToSql, parseFilterExpression } from '../../../src-main/core/filter';
import { useTempStores } from '../store/store-fixtures';
import { EXPECTED_MATCHES } from './expected-matches';
import { SAMPLE_EVENTS } from './sample-events';

describe('filter expressions in the store', () => {
  const stores = useTempStores();
  const seeded = () => {
    const store = stores.open();
    store.append(SAMPLE_EVENTS);
    return store;
  };
  const stored = (filter: EventFilter): number[] =>
    seeded()
      .query({ limit: 100, filter })
      .events.map((event) => event.seq);

  it.each(EXPECTED_MATCHES)('%s', (expression, seqs) => {
    expect(stored({ expression })).toEqual(seqs);
  });

  it('combines the expression with the other filter fields and with filter.text', () => {
    const store = seeded();
    const matching = (filter: EventFilter) => store.query({ limit: 100, filter }).events.map((event) => event.seq);
    expect(matching({ topics: ['call'], expression: 'direction = inbound' })).toEqual([1, 2, 4]);
    expect(matching({ text: 'hangup', expression: 'direction = inbound smith' })).toEqual([]);
    expect(matching({ text: 'inbound', expression: 'smithson' })).toEqual([4]);
    expect(matching({ expression: '   ' })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('pages newest-first through a payload predicate by seq window', () => {
    const store = stores.open();
    for (let round = 0; round < 5; round++) store.append(SAMPLE_EVENTS);
    const filter = { expression: 'state = hangup' };
    const newest = store.query({ limit: 4, filter });
    expect(newest.events.map((event) => event.seq)).toEqual([26, 27, 34, 35]);
    expect(newest.hasMoreBefore).toBe(true);
    const older = store.query({ limit: 4, beforeSeq: 26, filter });
    expect(older.events.map((event) => event.seq)).toEqual([18, 19, 10, 11].sort((a, b) => a - b));
    expect(store.countMatching(filter)).toBe(10);
  });

  it('passes every user value as a parameter, never as SQL text', () => {
    const parsed = parseFilterExpression(`state = "x' OR 1=1 --" OR target.name ~ /'\\); DROP TABLE events; --/`);
    expect(parsed.ok).toBe(true);
    const sql = expressionToSql(parsed.ok ? parsed.expression! : { kind: 'text', word: '' }, { indexWords: true });
    expect(sql.condition).not.toMatch(/DROP|1=1|x'/);
    expect(sql.params).toContain("x' OR 1=1 --");
  });

  it('treats injection attempts as plain values', () => {
    const store = seeded();
    for (const expression of [
      `state = "x' OR 1=1 --"`,
      `state = 'x" OR 1=1 --'`,
      `@type = "'); DELETE FROM events; --"`,
      `"'; DROP TABLE events; --"`,
      `state ~ /'.*/`,
      `a") OR 1=1 OR ("b = 1`,
    ]) {
      const parsed = parseFilterExpression(expression);
      if (!parsed.ok) continue;
      expect(store.query({ limit: 100, filter: { expression } }).events, expression).toEqual([]);
    }
    expect(store.count()).toBe(SAMPLE_EVENTS.length);
  });

  it('refuses an expression that does not parse at the API boundary, with its message', () => {
    expect(() => parseEventQuery({ limit: 10, filter: { expression: 'state = ' } })).toThrow(
      "filter.expression: Expected a value after '=', found the end at column 9.",
    );
    expect(() => parseEventQuery({ limit: 10, filter: { expression: 42 } })).toThrow(/must be a string/);
    expect(() => parseEventQuery({ limit: 10, filter: { expression: 'x'.repeat(2_001) } })).toThrow(/at most 2000/);
    expect(parseEventQuery({ limit: 10, filter: { expression: 'state = hangup' } }).filter).toEqual({ expression: 'state = hangup' });
  });

  it('matches nothing, rather than everything, for a malformed expression that bypasses the API', () => {
    expect(stored({ expression: 'state = (' })).toEqual([]);
  });
});
