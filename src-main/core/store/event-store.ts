import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { EventFilter, EventPage, EventQuery, MonitorEvent } from '../api';
import { compileFilter, type CompiledFilter } from './filter-sql';
import { iterateMatching, type IterateOptions } from './iterate';
import { MatchingEvents } from './matching';
import { queryPage, type StoredSeqs } from './page';
import { applyRetention, normalizeRetention } from './retention';
import { EVENT_COLUMNS, INSERT_EVENT_SQL, fromRow, toRowParams, type EventRow } from './row';
import { migrate } from './schema';
import { SearchIndexer } from './search-indexer';
import { registerFilterFunctions } from './sql-functions';
import { StatementCache } from './statement-cache';
import type { NewEvent, RetentionPolicy } from './types';

export type { NewEvent, RetentionPolicy } from './types';

export interface EventStoreOptions {
  file: string;
  /** Path of better_sqlite3.node when it does not sit where `bindings` looks (packaged app). */
  nativeBinding?: string;
  retention?: RetentionPolicy;
}

/** Planner statistics are refreshed after this many appends, so index choices follow the data. */
const APPENDS_BETWEEN_OPTIMIZE = 100_000;

/** The durable event log: one SQLite file in WAL mode, one writer (this process). */
export class EventStore {
  private readonly statements: StatementCache;
  private readonly matching: MatchingEvents;
  private readonly insertEvent: Database.Statement;
  private readonly search: SearchIndexer;
  private readonly appendAll: (events: readonly NewEvent[]) => MonitorEvent[];
  private retention: RetentionPolicy;
  private appendsSinceOptimize = 0;

  static open(options: EventStoreOptions): EventStore {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      // Only takes on a new database (before WAL mode writes the header): rows of ~2 KB (frame and
      // payload) fill 16 KB pages with far fewer splits than 4 KB ones; appends measured ~35% faster.
      db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL loses no committed transaction on a process crash, only on power loss.
      db.pragma('synchronous = NORMAL');
      db.pragma('journal_size_limit = 67108864');
      // A checkpoint every ~40 MB of WAL instead of every 4 MB: each one waits for an fsync, and at
      // bursts of tens of thousands of events per second those waits were a third of an append.
      db.pragma('wal_autocheckpoint = 10000');
      // Bounded, approximate ANALYZE: cheap enough to run on open and while the log grows.
      db.pragma('analysis_limit = 1000');
      migrate(db);
      registerFilterFunctions(db);
      db.pragma('optimize = 0x10002');
    } catch (error) {
      db.close();
      throw error;
    }
    return new EventStore(db, options.retention);
  }

  private constructor(
    private readonly db: Database.Database,
    retention: RetentionPolicy | undefined,
  ) {
    this.retention = normalizeRetention(retention);
    this.statements = new StatementCache(db);
    this.matching = new MatchingEvents(this.statements);
    this.insertEvent = db.prepare(INSERT_EVENT_SQL);
    this.appendAll = db.transaction((events: readonly NewEvent[]) =>
      events.map((event): MonitorEvent => {
        const seq = Number(this.insertEvent.run(...toRowParams(event)).lastInsertRowid);
        return { ...event, seq };
      }),
    );
    this.search = new SearchIndexer(db, this.lastSeq());
  }

  /** Stores the events in one transaction: all of them get a seq, or none is stored. */
  append(events: readonly NewEvent[]): MonitorEvent[] {
    if (events.length === 0) return [];
    const stored = this.appendAll(events);
    this.search.noteAppended(stored.at(-1)?.seq ?? this.lastSeq());
    this.appendsSinceOptimize += stored.length;
    if (this.appendsSinceOptimize >= APPENDS_BETWEEN_OPTIMIZE) {
      this.appendsSinceOptimize = 0;
      this.db.pragma('optimize');
    }
    return stored;
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

  /**
   * A read that searches text first indexes what is not yet searchable, so it sees every stored
   * event; any other read leaves that to the indexer and never waits for it.
   */
  private compileForRead(filter: EventFilter | undefined): CompiledFilter {
    const compiled = compileFilter(filter);
    if (compiled.match !== null) this.search.catchUp();
    return compiled;
  }

  /** The highest seq ever assigned, even if retention has since deleted it; 0 for a new store. */
  lastSeq(): number {
    const seq = this.statements.get("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck().get() as
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

  applyRetention(now: number = Date.now()): number {
    const deleted = applyRetention(this.db, this.retention, now);
    if (deleted > 0) this.db.pragma('optimize');
    return deleted;
  }

  close(): void {
    if (!this.db.open) return;
    this.search.close();
    this.db.pragma('optimize');
    this.db.close();
  }
}
