/** Fixed one-second window request counter: over the limit, the API answers 429. */
export class RateLimiter {
  private windowStart = 0;
  private count = 0;

  /** `perSecond` 0 means unlimited. */
  constructor(private readonly perSecond: number) {}

  allow(now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count++;
    return this.count <= this.perSecond;
  }
}
