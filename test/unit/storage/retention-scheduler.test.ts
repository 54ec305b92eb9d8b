import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetentionSettings } from '../../../src-main/core/api';
import { RetentionScheduler, type RetentionTarget } from '../../../src-main/core/storage/retention-scheduler';
import type { RetentionPolicy } from '../../../src-main/core/store/types';

const NOW = 1_700_000_000_000;
const DEFAULTS: RetentionSettings = { maxEvents: 2_000_000, maxAgeHours: 720 };

/** A store whose passes finish when the test says so, and which counts passes running at once. */
class SlowStore implements RetentionTarget {
  passes: { policy: RetentionPolicy; now: number | undefined }[] = [];
  running = 0;
  mostAtOnce = 0;
  private policy: RetentionPolicy = {};
  private finishers: ((deleted: number) => void)[] = [];

  setRetention(policy: RetentionPolicy): void {
    this.policy = policy;
  }

  applyRetention(now?: number): Promise<number> {
    this.passes.push({ policy: this.policy, now });
    this.running += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    return new Promise((resolve) =>
      this.finishers.push((deleted) => {
        this.running -= 1;
        resolve(deleted);
      }),
    );
  }

  /** Finishes the oldest pass under way, then lets the scheduler react. */
  async finish(deleted = 0): Promise<void> {
    const finisher = this.finishers.shift();
    if (!finisher) throw new Error('no pass is running');
    finisher(deleted);
    await vi.advanceTimersByTimeAsync(0);
  }
}

let lines: string[];
beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
});
afterEach(() => {
  vi.useRealTimers();
});

function scheduler(target: RetentionTarget, settings = DEFAULTS): RetentionScheduler {
  return new RetentionScheduler({ target, settings, log: (line) => lines.push(line), now: () => NOW });
}

describe('retention schedule', () => {
  it('runs 5 s after start, then every minute, with the saved limits', async () => {
    const store = new SlowStore();
    scheduler(store).start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(store.passes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.passes).toEqual([{ policy: { maxEvents: 2_000_000, maxAgeMs: 720 * 3_600_000 }, now: NOW }]);
    await store.finish();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(store.passes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.passes).toHaveLength(2);
    await store.finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.passes).toHaveLength(3);
  });

  it('applies changed limits at once, and answers only when that pass is done', async () => {
    const store = new SlowStore();
    const schedule = scheduler(store);
    schedule.start();
    let done = false;
    const changed = schedule.change({ maxEvents: 100, maxAgeHours: null }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.passes).toEqual([{ policy: { maxEvents: 100, maxAgeMs: null }, now: NOW }]);
    expect(done).toBe(false);
    await store.finish(40);
    await changed;
    expect(schedule.lastRun).toEqual({ finishedAt: NOW, deleted: 40, error: null });
  });

  it('never runs two passes at once: changes during a pass get one more pass, with the latest limits', async () => {
    const store = new SlowStore();
    const schedule = scheduler(store);
    schedule.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(store.running).toBe(1);

    const settled: string[] = [];
    const first = schedule.change({ maxEvents: 10, maxAgeHours: null }).then(() => settled.push('first'));
    const second = schedule.change({ maxEvents: 20, maxAgeHours: 5 }).then(() => settled.push('second'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(store.passes).toHaveLength(1);

    await store.finish();
    expect(store.passes).toHaveLength(2);
    expect(store.passes[1]!.policy).toEqual({ maxEvents: 20, maxAgeMs: 5 * 3_600_000 });
    expect(settled).toEqual([]);

    await store.finish();
    await Promise.all([first, second]);
    expect(settled.sort()).toEqual(['first', 'second']);
    expect(store.mostAtOnce).toBe(1);
  });

  it('logs how many events a pass deleted, stays quiet when none, and carries on after a failure', async () => {
    const results: (number | Error)[] = [3, 0, new Error('database is locked'), 2];
    const store: RetentionTarget = {
      setRetention: () => undefined,
      applyRetention: async () => {
        const next = results.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const schedule = scheduler(store, { maxEvents: 50, maxAgeHours: null });
    schedule.start();
    await vi.advanceTimersByTimeAsync(5_000 + 3 * 60_000);
    expect(results).toEqual([]);
    expect(lines).toEqual([
      'Switchboard: retention deleted 3 events from the log (at most 50 events, no age limit).',
      'Switchboard: retention could not delete old events (database is locked); the next pass tries again.',
      'Switchboard: retention deleted 2 events from the log (at most 50 events, no age limit).',
    ]);
    expect(schedule.lastRun).toEqual({ finishedAt: NOW, deleted: 2, error: null });
  });

  it('tells the listener after each pass that deleted events, never after one that deleted none or failed', async () => {
    const results: (number | Error)[] = [0, 4, new Error('database is locked'), 0, 1];
    let passes = 0;
    const store: RetentionTarget = {
      setRetention: () => undefined,
      applyRetention: async () => {
        passes += 1;
        const next = results.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const toldAfterPass: number[] = [];
    const schedule = new RetentionScheduler({ target: store, settings: DEFAULTS, log: () => undefined, onDeleted: () => toldAfterPass.push(passes), now: () => NOW });
    schedule.start();
    await vi.advanceTimersByTimeAsync(5_000 + 4 * 60_000);
    expect(results).toEqual([]);
    expect(toldAfterPass).toEqual([2, 5]);
  });

  it('keeps its schedule, and says why, when the listener fails', async () => {
    const store: RetentionTarget = { setRetention: () => undefined, applyRetention: async () => 3 };
    let calls = 0;
    const schedule = new RetentionScheduler({
      target: store,
      settings: DEFAULTS,
      log: (line) => lines.push(line),
      onDeleted: () => {
        calls += 1;
        throw new Error('socket closed');
      },
      now: () => NOW,
    });
    schedule.start();
    await vi.advanceTimersByTimeAsync(5_000 + 60_000);
    expect(calls).toBe(2);
    expect(schedule.lastRun).toEqual({ finishedAt: NOW, deleted: 3, error: null });
    expect(lines).toContain('Switchboard: retention deleted events, but could not tell the UI (socket closed); it shows them until reloaded.');
  });

  it('reports a failed pass until one succeeds', async () => {
    const store: RetentionTarget = {
      setRetention: () => undefined,
      applyRetention: () => {
        throw new Error('disk I/O error');
      },
    };
    const schedule = scheduler(store);
    await schedule.change(DEFAULTS);
    expect(schedule.lastRun).toEqual({ finishedAt: NOW, deleted: 0, error: 'disk I/O error' });
  });

  it('stops on close, after the pass under way has finished', async () => {
    const store = new SlowStore();
    const schedule = scheduler(store);
    schedule.start();
    await vi.advanceTimersByTimeAsync(5_000);
    let closed = false;
    const closing = schedule.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    await store.finish();
    await closing;
    await schedule.change({ maxEvents: 1, maxAgeHours: 1 });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(store.passes).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when closed before its first pass', async () => {
    const store = new SlowStore();
    const schedule = scheduler(store);
    schedule.start();
    expect(vi.getTimerCount()).toBe(1);
    await schedule.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(store.passes).toHaveLength(0);
  });
});
