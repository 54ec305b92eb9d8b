import type Database from 'better-sqlite3';
import type { EventFilter, EventPage, EventQuery, MonitorEvent } from '../api';
import { LAST_SEQ_SQL, openDatabase, type DatabaseLocation } from './database';
import { compileFilter, type CompiledFilter } from './filter-sql';
import { iterateMatching, type IterateOptions } from './iterate';
import { LogWriter } from './log-writer';
import { MatchingEvents } from './matching';
import { queryPage, type StoredSeqs } from './page';
import { normalizeRetention } from './retention';
import { EVENT_COLUMNS, fromRow, toRowParams, type EventRow } from './row';
import { migrate } from './schema';
import { monitorEvent } from './monitor-event';
import { registerFilterFunctions } from './sql-functions';
import { StatementCache } from './statement-cache';
import type { NewEvent, RetentionPolicy } from './types';
import { WriterThread } from './writer-thread';

export type { NewEvent, RetentionPolicy } from './types';

export interface EventStoreOptions extends DatabaseLocation {
  retention?: RetentionPolicy;
  /**
   * The built writer.worker.ts: with it every write runs on a thread of its own and reaches the
   * log through write(); without it (and always for ':memory:') writes run here, synchronously.
   */
  writerScript?: string;
  /** Hears of trouble that loses nothing (the writer thread's checkpointer failing). */
  log?: (line: string) => void;
}

/**
 * The durable event log: one SQLite file in WAL mode. Reads run on this connection; writes run
 * on one writer (log-writer.ts), here or on the writer thread.
 */
export class EventStore {
  private readonly statements: StatementCache;
  private readonly matching: MatchingEvents;
  private retention: RetentionPolicy;

  static open(options: EventStoreOptions): EventStore {
    const db = openDatabase(options);
    try {
      migrate(db);
      registerFilterFunctions(db);
      db.pragma('optimize = 0x10002');
    } catch (error) {
      db.close();
      throw error;
    }
    const { writerScript, file, nativeBinding } = options;
    const writer =
      writerScript === undefined || file === ':memory:'
        ? new LogWriter(db)
        : new WriterThread(writerScript, { file, ...(nativeBinding && { nativeBinding }) }, options.log ?? console.error);
    return new EventStore(db, writer, options.retention);
  }

  private constructor(
    private readonly db: Database.Database,
    private readonly writer: LogWriter | WriterThread,
    retention: RetentionPolicy | undefined,
  ) {
    this.retention = normalizeRetention(retention);
    this.statements = new StatementCache(db);
    this.matching = new MatchingEvents(this.statements);
  }

  /**
   * Stores the events in one transaction: all of them get a seq, or none is stored. Only for a
   * store that writes on its own connection (imports, the recorder, tests); the app's store writes
   * on a thread, through write().
   */
  append(events: readonly NewEvent[]): MonitorEvent[] {
    if (!(this.writer instanceof LogWriter)) throw new Error('This store writes on its writer thread: use write().');
    return withSeqs(events, this.writer.append(events.map(toRowParams)));
  }

  /** append() wherever the store writes: resolves once the events are committed, in call order. */
  async write(events: readonly NewEvent[]): Promise<MonitorEvent[]> {
    if (this.writer instanceof LogWriter) return this.append(events);
    if (events.length === 0) return [];
    return withSeqs(events, await this.writer.append(events.map(toRowParams)));
  }

  /**
   * A read that searches text must come after this: rows still waiting for the full-text index are
   * indexed first, so the search sees every stored event. Other reads never wait for the index.
   * A store that writes on its own connection does this inside the read itself (compileForRead).
   */
  async whenSearchable(filter: EventFilter | undefined): Promise<void> {
    if (this.writer instanceof LogWriter || compileFilter(filter).match === null) return;
    await this.writer.catchUpSearch();
  }

  query(query: EventQuery): EventPage {
    return queryPage(this.matching, query, this.compileForRead(query.filter), () => this.storedSeqs());
  }

  get(seq: number): MonitorEvent | null {
    const row = this.statements.get(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq = ?`).get(seq) as
      | EventRow
      | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Matching events in ascending seq, read lazily in chunks. Without `seqs` it ends at the last
   * seq stored when iterate() was called, so exporting a live log terminates.
   */
  iterate(filter: EventFilter | undefined, options: IterateOptions = {}): IterableIterator<MonitorEvent> {
    return iterateMatching(this.matching, this.compileForRead(filter), options, this.lastSeq());
  }

  countMatching(filter?: EventFilter): number {
    return this.matching.count(this.compileForRead(filter));
  }

  /** On a store that writes on its own connection a text search indexes first; see whenSearchable(). */
  private compileForRead(filter: EventFilter | undefined): CompiledFilter {
    const compiled = compileFilter(filter);
    if (compiled.match !== null && this.writer instanceof LogWriter) this.writer.catchUpSearch();
    return compiled;
  }

  /** The highest seq ever assigned, even if retention has since deleted it; 0 for a new store. */
  lastSeq(): number {
    const seq = this.statements.get(LAST_SEQ_SQL).pluck().get() as
      | number
      | undefined;
    return seq ?? 0;
  }

  private storedSeqs(): StoredSeqs {
    const row = this.statements.get('SELECT min(seq) AS oldest, max(seq) AS newest FROM events').get() as
      | { oldest: number | null; newest: number | null }
      | undefined;
    if (!row || row.oldest === null || row.newest === null) return null;
    return { oldest: row.oldest, newest: row.newest };
  }

  count(): number {
    return this.statements.get('SELECT count(*) FROM events').pluck().get() as number;
  }

  setRetention(policy: RetentionPolicy): void {
    this.retention = normalizeRetention(policy);
  }

  async applyRetention(now: number = Date.now()): Promise<number> {
    return this.writer.applyRetention(this.retention, now);
  }

  /** Waits for every write already asked for, then closes. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.writer instanceof WriterThread) await this.writer.close();
    else this.writer.close();
    this.db.close();
  }
}

function withSeqs(events: readonly NewEvent[], seqs: readonly number[]): MonitorEvent[] {
  return events.map((event, index) => monitorEvent(event, seqs[index]!));
}
