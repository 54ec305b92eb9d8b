/** Intervals without a pong after which the socket counts as half-open. */
export const MISSED_PONGS_BEFORE_TIMEOUT = 2;

export interface HeartbeatOptions {
  intervalMs: number;
  sendPing: () => void;
  /** The peer stopped answering: the socket should be cut. Called at most once. */
  onTimeout: () => void;
}

/**
 * Our own pings, because a half-open TCP connection (laptop sleep, NAT timeout, dead proxy)
 * never reports an error: only a missing pong reveals it.
 */
export class Heartbeat {
  private interval: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private unansweredPings = 0;
  private expired = false;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    if (this.interval || this.expired) return;
    this.interval = setInterval(() => this.tick(), this.options.intervalMs);
  }

  pongReceived(): void {
    this.unansweredPings = 0;
    this.clearProbe();
  }

  /** Ping now and expire unless a pong arrives within `windowMs` (after sleep or a network change). */
  probe(windowMs: number): void {
    if (this.expired || this.probeTimer) return;
    this.options.sendPing();
    this.probeTimer = setTimeout(() => this.expire(), windowMs);
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    this.clearProbe();
  }

  private tick(): void {
    if (this.unansweredPings >= MISSED_PONGS_BEFORE_TIMEOUT) {
      this.expire();
      return;
    }
    this.unansweredPings += 1;
    this.options.sendPing();
  }

  private expire(): void {
    if (this.expired) return;
    this.expired = true;
    this.stop();
    this.options.onTimeout();
  }

  private clearProbe(): void {
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }
}
