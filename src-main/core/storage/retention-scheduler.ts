import type { RetentionRun, RetentionSettings } from '../api';
import type { RetentionPolicy } from '../store/types';
import { describeRetention, toStorePolicy } from './retention-settings';

/** The event store as retention sees it. */
export interface RetentionTarget {
  setRetention(policy: RetentionPolicy): void;
  applyRetention(now?: number): Promise<number>;
}

export interface RetentionScheduleOptions {
  target: RetentionTarget;
  settings: RetentionSettings;
  log: (line: string) => void;
  /** Told after each pass that deleted events, so what is shown of them can go too. */
  onDeleted?: () => void;
  /** The first pass: soon after start, but out of the way of the window opening. */
  firstRunAfterMs?: number;
  /** From the end of one scheduled pass to the start of the next. */
  everyMs?: number;
  now?: () => number;
}

export const RETENTION_FIRST_RUN_AFTER_MS = 5_000;
export const RETENTION_EVERY_MS = 60_000;

/**
 * Deletes what the retention limits exclude: shortly after start, every minute, and at once when
 * the limits change. Passes never overlap; a change made during a pass gets one more pass right
 * after it, since the pass under way may still be using the old limits.
 */
export class RetentionScheduler {
  private settings: RetentionSettings;
  private running: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private latest: RetentionRun | null = null;

  constructor(private readonly options: RetentionScheduleOptions) {
    this.settings = options.settings;
  }

  start(): void {
    this.schedule(this.options.firstRunAfterMs ?? RETENTION_FIRST_RUN_AFTER_MS);
  }

  get lastRun(): RetentionRun | null {
    return this.latest;
  }

  /** Resolves once a pass with these limits has finished. */
  change(settings: RetentionSettings): Promise<void> {
    this.settings = settings;
    return this.run();
  }

  /** Stops the schedule and waits for a pass under way, so the store can be closed after it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await (this.followUp ?? this.running);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run().then(() => this.schedule(this.options.everyMs ?? RETENTION_EVERY_MS));
    }, delayMs);
    // A pass waiting to run must not, on its own, keep the process alive.
    this.timer.unref?.();
  }

  private run(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running === null) {
      this.running = this.pass().finally(() => (this.running = null));
      return this.running;
    }
    this.followUp ??= this.running.then(() => {
      this.followUp = null;
      return this.run();
    });
    return this.followUp;
  }

  /** Never rejects: a failed pass is logged and reported, and the next scheduled one tries again. */
  private async pass(): Promise<void> {
    const settings = this.settings;
    const now = this.options.now ?? Date.now;
    let deleted = 0;
    try {
      this.options.target.setRetention(toStorePolicy(settings));
      deleted = await this.options.target.applyRetention(now());
      this.latest = { finishedAt: now(), deleted, error: null };
      if (deleted > 0) {
        this.options.log(`Switchboard: retention deleted ${deleted.toLocaleString('en-US')} events from the log (${describeRetention(settings)}).`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.latest = { finishedAt: now(), deleted: 0, error: message };
      this.options.log(`Switchboard: retention could not delete old events (${message}); the next pass tries again.`);
    }
    if (deleted > 0) this.announceDeletion();
  }

  /** Outside the pass's own failure handling: the deletion did happen, whatever the listener does. */
  private announceDeletion(): void {
    try {
      this.options.onDeleted?.();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`Switchboard: retention deleted events, but could not tell the UI (${message}); it shows them until reloaded.`);
    }
  }
}
