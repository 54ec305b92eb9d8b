import type Database from 'better-sqlite3';

/** Rows per indexing transaction: measured fastest for ~800-byte frames, and short enough (tens of ms) not to stall ingest. */
const SLICE_ROWS = 2_000;
/** Indexing waits for appends to pause this long, so a burst is stored first and indexed right after. */
const IDLE_MS = 5;
/** A burst that never pauses still gets indexed: past this many rows behind, each append indexes a slice. */
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
  private readonly indexRange: (after: number, through: number) => void;

  constructor(
    private readonly db: Database.Database,
    lastSeq: number,
  ) {
    this.indexedThrough = db.prepare('SELECT indexed_through FROM search_progress WHERE id = 1').pluck().get() as number;
    this.appendedThrough = lastSeq;
    // Binary frames are base64 noise to a word index: only their summary is searchable.
    const insert = db.prepare(
      `INSERT INTO events_fts (rowid, summary, raw)
       SELECT seq, summary, CASE raw_encoding WHEN 'text' THEN raw ELSE '' END FROM events WHERE seq > ? AND seq <= ?`,
    );
    const mark = db.prepare('UPDATE search_progress SET indexed_through = ? WHERE id = 1');
    this.indexRange = db.transaction((after: number, through: number) => {
      insert.run(after, through);
      mark.run(through);
    });
    // Rows a crash left unindexed are picked up as soon as the store is idle.
    this.scheduleWhenIdle();
  }

  get lag(): number {
    return this.appendedThrough - this.indexedThrough;
  }

  noteAppended(lastSeq: number): void {
    this.appendedThrough = lastSeq;
    if (this.lag > MAX_LAG_ROWS) this.indexSlice();
    this.scheduleWhenIdle();
  }

  /** Indexes everything stored so far; before any read that may search text. */
  catchUp(): void {
    while (this.lag > 0) this.indexSlice();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleWhenIdle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.lag <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.db.open) return;
      this.indexSlice();
      this.scheduleWhenIdle();
    }, IDLE_MS);
    this.timer.unref();
  }

  private indexSlice(): void {
    const through = Math.min(this.appendedThrough, this.indexedThrough + SLICE_ROWS);
    this.indexRange(this.indexedThrough, through);
    this.indexedThrough = through;
  }
}
