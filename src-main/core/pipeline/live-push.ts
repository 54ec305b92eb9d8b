import type { LiveBatch, MonitorEvent } from '../api';

export interface LivePushOptions {
  /** Batches a client may hold unacknowledged before we stop sending to it. */
  credit: number;
  /** Most events in one batch. */
  maxBatch: number;
  flushIntervalMs: number;
}

export const DEFAULT_LIVE_PUSH: LivePushOptions = { credit: 4, maxBatch: 1000, flushIntervalMs: 50 };

/**
 * One client's live tail. Sends a batch per interval while it has credit, and a full batch at once
 * (a burst is sent, not dropped, while the client keeps acknowledging). Without credit it keeps
 * the newest events its credit would carry (`credit` full batches: a client that acknowledges late,
 * behind a busy event loop, loses nothing) and counts older ones as skipped (they stay in the
 * store), so a slow or hidden renderer never makes us buffer without bound.
 */
export class LiveSubscriber {
  private waiting: MonitorEvent[] = [];
  private skipped = 0;
  private credit: number;
  private nextBatchId = 1;
  private readonly unacknowledged = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly send: (batch: LiveBatch) => void,
    private readonly options: LivePushOptions = DEFAULT_LIVE_PUSH,
    private readonly onClose: () => void = () => {},
  ) {
    this.credit = options.credit;
  }

  offer(events: readonly MonitorEvent[]): void {
    if (this.closed || events.length === 0) return;
    for (const event of events) this.waiting.push(event);
    this.flushFullBatches();
    const excess = this.waiting.length - this.options.credit * this.options.maxBatch;
    if (excess > 0) {
      this.waiting.splice(0, excess);
      this.skipped += excess;
    }
    this.schedule();
  }

  ack(batchId: number): void {
    if (!this.unacknowledged.delete(batchId)) return;
    this.credit += 1;
    this.flushFullBatches();
    this.schedule();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting = [];
    this.onClose();
  }

  /** A full batch need not wait for the interval: sending it at once is what keeps a burst whole. */
  private flushFullBatches(): void {
    while (this.waiting.length >= this.options.maxBatch && this.credit > 0) this.flush();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.credit === 0) return;
    if (this.waiting.length === 0 && this.skipped === 0) return;
    this.timer = setTimeout(() => this.flush(), this.options.flushIntervalMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.credit === 0) return;
    const batch: LiveBatch = { batchId: this.nextBatchId++, events: this.waiting.splice(0, this.options.maxBatch), skipped: this.skipped };
    this.skipped = 0;
    this.credit -= 1;
    this.unacknowledged.add(batch.batchId);
    this.send(batch);
  }
}

/** Fans stored events out to every connected client. */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();

  constructor(private readonly options: LivePushOptions = DEFAULT_LIVE_PUSH) {}

  subscribe(send: (batch: LiveBatch) => void): LiveSubscriber {
    const subscriber = new LiveSubscriber(send, this.options, () => this.subscribers.delete(subscriber));
    this.subscribers.add(subscriber);
    return subscriber;
  }

  publish(events: readonly MonitorEvent[]): void {
    for (const subscriber of this.subscribers) subscriber.offer(events);
  }
}
