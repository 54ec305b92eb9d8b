import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';

/**
 * Rows per indexing transaction when catching up (appends paused, a search waiting, or a burst
 * past MAX_LAG_ROWS). Each transaction writes a new segment that FTS5 later merges: for ~800-byte
 * frames, 10,000-row slices measured 7.6 µs per row against 11.7 for 1,000-row ones (with the
 * index's automerge at 8, see schema.ts), at ~80 ms of the writer thread each.
 */
const CATCH_UP_SLICE_ROWS = 10_000;
/** Appends have paused when none came for this long (the ingest flushes at least every 20 ms while frames arrive). */
const IDLE_MS = 50;
/**
 * While appends keep coming at up to KEEP_UP_ROWS_PER_SECOND, one slice of at most this many rows
 * per BUSY_INTERVAL_MS: a steady stream of several thousand events/s stays searchable at once (a
 * search waits for a fraction of a second of indexing). Measured with the UI bench at 5,000
 * events/s: without this pace the index fell 45,000 rows behind and the first search paid ~1 s.
 */
const BUSY_SLICE_ROWS = 1_000;
const BUSY_INTERVAL_MS = 100;
/**
 * Faster than this, appends are a burst: indexing as they come would take a third of the
 * writer's time from the burst itself (FTS5 tokenizing costs about as much as the append), so the
 * rows are stored first and indexed once the burst ends, or when MAX_LAG_ROWS forces it.
 */
const KEEP_UP_ROWS_PER_SECOND = 10_000;
/**
 * A burst that never pauses still gets indexed: past this many rows behind, an append indexes a
 * catch-up slice (or all it put past the limit, if more), so a search during a flood waits for at
 * most about this many rows (seconds, not minutes).
 */
const MAX_LAG_ROWS = 250_000;

/**
 * Fills the full-text index after the append instead of inside it (tokenizing was half the cost of
 * an append). `search_progress.indexed_through` is moved in the same transaction as the rows it
 * covers, so after a crash the rows past it are indexed again, never twice nor never.
 * Readers call catchUp() first, so a search always sees every stored event.
 */
export class SearchIndexer {
  private indexedThrough: number;
  private appendedThrough: number;
  private timer: NodeJS.Timeout | null = null;
  private lastAppendAt = 0;
  /** Where appends stood at the last busy tick, to tell a steady stream from a burst. */
  private lastTick = { at: 0, appendedThrough: 0 };
  private readonly indexRange: (after: number, through: number) => void;

  constructor(
    private readonly db: Database.Database,
    lastSeq: number,
    private readonly maxLagRows = MAX_LAG_ROWS,
    private readonly catchUpSliceRows = CATCH_UP_SLICE_ROWS,
  ) {
    this.indexedThrough = db.prepare('SELECT indexed_through FROM search_progress WHERE id = 1').pluck().get() as number;
    this.appendedThrough = lastSeq;
    // Binary frames are base64 noise to a word index: only their summary is searchable. A frame
    // stored as its payload text (raw_from_payload) has the same words as that text: the quotes
    // around its ids separate words as the colons and commas around them did.
    const insert = db.prepare(
      `INSERT INTO events_fts (rowid, summary, raw)
       SELECT seq, summary,
         CASE WHEN raw_from_payload IS NOT NULL THEN payload WHEN raw_encoding = 'text' THEN raw ELSE '' END
       FROM events WHERE seq > ? AND seq <= ?`,
    );
    const mark = db.prepare('UPDATE search_progress SET indexed_through = ? WHERE id = 1');
    this.indexRange = db.transaction((after: number, through: number) => {
      insert.run(after, through);
      mark.run(through);
    });
    // Rows a crash left unindexed are picked up as soon as the store is idle.
    this.schedule(0);
  }

  get lag(): number {
    return this.appendedThrough - this.indexedThrough;
  }

  noteAppended(lastSeq: number): void {
    this.appendedThrough = lastSeq;
    this.lastAppendAt = performance.now();
    if (this.lag > this.maxLagRows) this.indexSlice(Math.max(this.lag - this.maxLagRows, this.catchUpSliceRows));
    this.schedule(IDLE_MS);
  }

  /** Indexes everything stored so far; before any read that may search text. */
  catchUp(): void {
    while (this.lag > 0) this.indexSlice(this.catchUpSliceRows);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.lag <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.db.open) return;
      const now = performance.now();
      const idle = now - this.lastAppendAt >= IDLE_MS;
      if (idle) this.indexSlice(this.catchUpSliceRows);
      else if (!this.inBurst(now)) this.indexSlice(BUSY_SLICE_ROWS);
      this.lastTick = { at: now, appendedThrough: this.appendedThrough };
      this.schedule(idle ? 0 : BUSY_INTERVAL_MS);
    }, delayMs);
    this.timer.unref();
  }

  private inBurst(now: number): boolean {
    const seconds = (now - this.lastTick.at) / 1000;
    return this.appendedThrough - this.lastTick.appendedThrough > KEEP_UP_ROWS_PER_SECOND * seconds;
  }

  private indexSlice(rows: number): void {
    const through = Math.min(this.appendedThrough, this.indexedThrough + rows);
    this.indexRange(this.indexedThrough, through);
    this.indexedThrough = through;
  }
}
