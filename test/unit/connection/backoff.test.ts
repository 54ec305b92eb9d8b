import { describe, expect, it } from 'vitest';
import { Backoff, fullJitterDelay } from '../../../src-main/core/connection/backoff';

const policy = { baseMs: 1000, capMs: 30_000 };

describe('fullJitterDelay', () => {
  it('is random() times the exponential ceiling', () => {
    expect(fullJitterDelay(0, policy, () => 0.5)).toBe(500);
    expect(fullJitterDelay(1, policy, () => 0.5)).toBe(1000);
    expect(fullJitterDelay(3, policy, () => 0.25)).toBe(2000);
  });

  it('never exceeds the cap, even for huge attempt counts', () => {
    expect(fullJitterDelay(5, policy, () => 1)).toBe(30_000);
    expect(fullJitterDelay(2000, policy, () => 1)).toBe(30_000);
  });

  it('can be zero (full jitter spreads over the whole range)', () => {
    expect(fullJitterDelay(4, policy, () => 0)).toBe(0);
  });
});

describe('Backoff', () => {
  it('doubles the ceiling with every failure up to the cap', () => {
    const backoff = new Backoff(policy, () => 1);
    const delays = Array.from({ length: 7 }, () => backoff.next());
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoff.attempts).toBe(7);
  });

  it('starts over from the base after reset', () => {
    const backoff = new Backoff(policy, () => 1);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(1000);
  });
});
