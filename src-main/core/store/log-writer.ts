import type Database from 'better-sqlite3';
import { LAST_SEQ_SQL } from './database';
import { applyRetention } from './retention';
import { INSERT_EVENT_SQL, type RowParams } from './row';
import { SearchIndexer } from './search-indexer';
import type { RetentionPolicy } from './types';

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
    const insert = db.prepare(INSERT_EVENT_SQL);
    this.appendAll = db.transaction((rows: readonly RowParams[]) =>
      rows.map((row) => Number(insert.run(...row).lastInsertRowid)),
    );
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
