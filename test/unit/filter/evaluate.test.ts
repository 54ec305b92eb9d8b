import { describe, expect, it } from 'vitest';
import { eventMatcher, evaluate, parseFilterExpression } from '../../../src-main/core/filter';
import { EXPECTED_MATCHES } from './expected-matches';
import { STORED_SAMPLES } from './sample-events';

/** Seqs of the samples an expression matches. */
function evaluated(input: string): number[] {
  const result = parseFilterExpression(input);
  if (!result.ok) throw new Error(result.error.message);
  const expression = result.expression;
  return STORED_SAMPLES.filter((event) => expression === null || evaluate(expression, event)).map((event) => event.seq);
}

describe('evaluate', () => {
  it.each(EXPECTED_MATCHES)('%s', (input, seqs) => {
    expect(evaluated(input)).toEqual(seqs);
  });

  it('reads only own properties of the payload', () => {
    const [first] = STORED_SAMPLES;
    const parsed = parseFilterExpression('constructor ~ /Object/ OR toString ~ /./ OR __proto__ ~ /./ OR exists(hasOwnProperty)');
    expect(parsed.ok && parsed.expression && evaluate(parsed.expression, first!)).toBe(false);
  });

  it('matches the whole EventFilter live as the store does', () => {
    const seqs = (filter: Parameters<typeof eventMatcher>[0]) => STORED_SAMPLES.filter(eventMatcher(filter)).map((event) => event.seq);
    expect(seqs({ topics: ['call'], expression: 'state = hangup' })).toEqual([2, 3]);
    expect(seqs({ providers: ['voipbin', 'opentact'], types: [] })).toEqual([4, 5]);
    expect(seqs({ text: 'inbound order' })).toEqual([5]);
    expect(seqs({ expression: 'state = ' })).toEqual([]);
    expect(seqs({ fromTime: 1_700_000_000_001 })).toEqual([]);
  });
});
