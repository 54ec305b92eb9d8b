import type { BoardDiff, BoardSnapshot, CallTimeline, MonitorEvent } from '../api';
import type { EventStore } from '../store/event-store';
import { BoardModel, type BoardModelOptions } from './board-model';
import { BOARD_TOPICS } from './read-fact';
import { readCallTimeline } from './timeline';

export interface BoardServiceOptions extends BoardModelOptions {
  store: EventStore;
  /** Sends a diff to every open session. */
  push: (diff: BoardDiff) => void;
  log: (line: string) => void;
  /** Diffs go out at most this often, so a burst of events costs the UI one update. */
  pushIntervalMs?: number;
  /** How often stale and expired calls are looked for. */
  sweepIntervalMs?: number;
  /** How far back a restart reads the store to rebuild the board. */
  rebuildWindowMs?: number;
  rebuildMaxEvents?: number;
  now?: () => number;
}

const DEFAULTS = { pushIntervalMs: 250, sweepIntervalMs: 5_000, rebuildWindowMs: 24 * 3_600_000, rebuildMaxEvents: 200_000 };
/** Events applied between yields while rebuilding, so the core keeps answering requests. */
const REBUILD_SLICE = 2_000;

/**
 * Keeps the board model fed from stored events: rebuilt from the store at start (a restart
 * loses nothing), then every stored event as the pipeline publishes it, with diffs pushed
 * on a throttle and the clock swept for stale and expired calls.
 */
export class BoardService {
  private readonly model: BoardModel;
  private readonly options: BoardServiceOptions & typeof DEFAULTS;
  private readonly now: () => number;
  /** Events stored while the rebuild runs wait here, in order; null once rebuilt. */
  private waiting: MonitorEvent[][] | null = [];
  private readonly ready: Promise<void>;
  private pushTimer: NodeJS.Timeout | null = null;
  private readonly sweepTimer: NodeJS.Timeout;
  private closed = false;

  constructor(options: BoardServiceOptions) {
    this.options = { ...DEFAULTS, ...options };
    this.now = options.now ?? Date.now;
    this.model = new BoardModel(options);
    this.ready = this.rebuild().catch((error: unknown) => {
      this.options.log(`Switchboard: the board could not be rebuilt from the event log: ${error instanceof Error ? error.message : String(error)}`);
      this.applyWaiting(0);
    });
    this.sweepTimer = setInterval(() => {
      if (this.waiting !== null) return;
      this.model.sweep(this.now());
      this.schedulePush();
    }, this.options.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  /** Called with every batch the pipeline has stored. */
  offer(events: readonly MonitorEvent[]): void {
    if (this.closed || events.length === 0) return;
    if (this.waiting !== null) {
      this.waiting.push([...events]);
      return;
    }
    for (const event of events) this.model.apply(event);
    this.schedulePush();
  }

  async snapshot(): Promise<BoardSnapshot> {
    await this.ready;
    return this.model.snapshot();
  }

  async timeline(callKey: string): Promise<CallTimeline> {
    await this.ready;
    return readCallTimeline(this.options.store, callKey, this.model.legsOf(callKey));
  }

  close(): void {
    this.closed = true;
    clearInterval(this.sweepTimer);
    if (this.pushTimer !== null) clearTimeout(this.pushTimer);
    this.pushTimer = null;
  }

  private async rebuild(): Promise<void> {
    const { store, rebuildWindowMs, rebuildMaxEvents } = this.options;
    const upToSeq = store.lastSeq();
    const events = store.iterate(
      { topics: BOARD_TOPICS, fromTime: this.now() - rebuildWindowMs },
      { afterSeq: Math.max(0, upToSeq - rebuildMaxEvents) },
    );
    let inSlice = 0;
    for (const event of events) {
      this.model.apply(event);
      if (++inSlice < REBUILD_SLICE) continue;
      inSlice = 0;
      await new Promise((resolve) => setImmediate(resolve));
      // The store may have closed meanwhile: reading on would throw.
      if (this.closed) return;
    }
    this.model.considerSeenUpTo(upToSeq);
    this.applyWaiting(upToSeq);
  }

  /** Takes in what was stored during the rebuild; events up to `rebuiltUpTo` came from the store already. */
  private applyWaiting(rebuiltUpTo: number): void {
    const batches = this.waiting ?? [];
    this.waiting = null;
    for (const batch of batches) for (const event of batch) if (event.seq > rebuiltUpTo) this.model.apply(event);
    this.model.sweep(this.now());
    // No one holds a board from before this point (snapshot() waits for it), so the rebuild is no
    // diff: sent as one, it carried every call of the last 200,000 events (108 MB with a million
    // stored) to every open page and stalled the core for seconds.
    this.model.forgetChanges();
  }

  private schedulePush(): void {
    if (this.pushTimer !== null || this.closed) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      const diff = this.model.takeDiff();
      if (diff !== null) this.options.push(diff);
    }, this.options.pushIntervalMs);
  }
}
