export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/**
 * Full jitter: a random delay up to the exponential ceiling, so clients that dropped together
 * (server restart, network blip) do not come back together.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Counts consecutive failed attempts and turns the count into the next delay. */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number,
  ) {}

  /** Delay before the next attempt; each call counts one more failure. */
  next(): number {
    const delay = fullJitterDelay(this.failures, this.policy, this.random);
    this.failures += 1;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
