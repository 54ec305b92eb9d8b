import type Database from 'better-sqlite3';
import { LAST_SEQ_SQL } from './database';
import { applyRetention } from './retention';
import type { RowParams } from './row';
import { createRowInserter } from './row-inserter';
import { SearchIndexer } from './search-indexer';
import type { RetentionPolicy } from './types';

/** The writing connection's page cache, in KiB (the pragma takes a negative number for KiB). */
const WRITER_CACHE_KIB = 64 * 1024;

/** Planner statistics are refreshed after this many appends, so index choices follow the data. */
const APPENDS_BETWEEN_OPTIMIZE = 100_000;

/**
 * Every write to the event log, on one connection: appends, the full-text index that follows
 * them, retention and statistics. It runs either on the store's own connection or alone on the
 * writer thread (writer-thread.ts); the log never has two writers waiting on each other's locks.
 */
export class LogWriter {
  private readonly appendAll: (rows: readonly RowParams[]) => number[];
  private readonly search: SearchIndexer;
  private appendsSinceOptimize = 0;

  constructor(private readonly db: Database.Database) {
    // Appends touch the table and six indexes: SQLite's default 2 MB cache (125 pages of 16 KB)
    // kept reading their pages back from the write-ahead log. 64 MB holds them; pipeline
    // throughput measured ~10 % higher (docs/benchmarks.md).
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
    this.appendAll = db.transaction(createRowInserter(db));
    const lastSeq = db.prepare(LAST_SEQ_SQL).pluck().get() as number | undefined;
    this.search = new SearchIndexer(db, lastSeq ?? 0);
  }

  /** One transaction: every row gets a seq, or none is stored. Returns the seqs in row order. */
  append(rows: readonly RowParams[]): number[] {
    if (rows.length === 0) return [];
    const seqs = this.appendAll(rows);
    this.search.noteAppended(seqs.at(-1)!);
    this.appendsSinceOptimize += seqs.length;
    if (this.appendsSinceOptimize >= APPENDS_BETWEEN_OPTIMIZE) {
      this.appendsSinceOptimize = 0;
      this.db.pragma('optimize');
    }
    return seqs;
  }

  /** Indexes every stored row, so a text search that follows sees all of them. */
  catchUpSearch(): void {
    this.search.catchUp();
  }

  applyRetention(policy: RetentionPolicy, now: number): number {
    const deleted = applyRetention(this.db, policy, now);
    if (deleted > 0) this.db.pragma('optimize');
    return deleted;
  }

  close(): void {
    this.search.close();
    if (this.db.open) this.db.pragma('optimize');
  }
}
