/**
 * One shared second-ticker for every duration on the board: rows compute their elapsed time from
 * timestamps and this value, so 500 ticking rows cost one timer, not 500.
 */
class Clock {
  now = $state(Date.now());
  private timer: ReturnType<typeof setInterval> | null = null;
  private users = 0;

  /** Starts ticking while at least one user holds it; returns the release. */
  hold(): () => void {
    this.users += 1;
    if (this.timer === null) {
      this.now = Date.now();
      this.timer = setInterval(() => (this.now = Date.now()), 1_000);
    }
    return () => {
      this.users -= 1;
      if (this.users > 0 || this.timer === null) return;
      clearInterval(this.timer);
      this.timer = null;
    };
  }
}

export const clock = new Clock();
