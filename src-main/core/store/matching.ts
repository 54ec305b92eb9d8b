import type { MonitorEvent } from '../api';
import type { CompiledFilter } from './filter-sql';
import { EVENT_COLUMNS, fromRow, type EventRow } from './row';
import type { StatementCache } from './statement-cache';

/** Exclusive seq bounds. */
export interface SeqWindow {
  after?: number;
  before?: number;
}

interface BuiltSql {
  from: string;
  where: string;
  params: unknown[];
  seqColumn: string;
}

/**
 * With a text search the FTS index drives the scan (CROSS JOIN fixes the join order): it yields
 * rowids in order and honours the seq window itself, so a page stops after `limit` hits instead
 * of probing the index once per candidate row.
 */
function build(filter: CompiledFilter, window: SeqWindow): BuiltSql {
  const seqColumn = filter.match ? 'events_fts.rowid' : 'e.seq';
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.match) {
    conditions.push('events_fts MATCH ?');
    params.push(filter.match);
  }
  conditions.push(...filter.conditions);
  params.push(...filter.params);
  if (filter.seqs) {
    conditions.push(`${seqColumn} IN (${filter.seqs.map(() => '?').join(', ')})`);
    params.push(...filter.seqs);
  }
  if (window.after !== undefined) {
    conditions.push(`${seqColumn} > ?`);
    params.push(window.after);
  }
  if (window.before !== undefined) {
    conditions.push(`${seqColumn} < ?`);
    params.push(window.before);
  }
  return {
    from: filter.match ? 'events_fts CROSS JOIN events e ON e.seq = events_fts.rowid' : 'events e',
    where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    params,
    seqColumn,
  };
}

function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SqliteError';
}

/** Reads of "events matching a compiled filter inside a seq window". */
export class MatchingEvents {
  constructor(private readonly statements: StatementCache) {}

  /**
   * The window and order are resolved on seqs alone (often index-only: every index ends with the
   * seq), and only the `limit` winners are read in full; a filter that has to sort many
   * candidates, like a time range, then sorts small keys instead of whole rows.
   */
  select(filter: CompiledFilter, window: SeqWindow, order: 'asc' | 'desc', limit: number): MonitorEvent[] {
    const sql = build(filter, window);
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const winners = `SELECT ${sql.seqColumn} FROM ${sql.from} ${sql.where} ORDER BY ${sql.seqColumn} ${direction} LIMIT ?`;
    const text = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.seq IN (${winners}) ORDER BY e.seq ${direction}`;
    return this.guard(filter, [], () =>
      (this.statements.get(text).all(...sql.params, limit) as EventRow[]).map(fromRow),
    );
  }

  exists(filter: CompiledFilter, window: SeqWindow): boolean {
    const sql = build(filter, window);
    const text = `SELECT 1 FROM ${sql.from} ${sql.where} LIMIT 1`;
    return this.guard(filter, false, () => this.statements.get(text).get(...sql.params) !== undefined);
  }

  count(filter: CompiledFilter): number {
    const sql = build(filter, {});
    const text = `SELECT count(*) AS n FROM ${sql.from} ${sql.where}`;
    return this.guard(filter, 0, () => (this.statements.get(text).get(...sql.params) as { n: number }).n);
  }

  /**
   * parseTextSearch only builds valid expressions, but a search must never break the view: should
   * FTS5 still reject one, the search simply matches nothing. Other failures (I/O) still throw.
   */
  private guard<T>(filter: CompiledFilter, noMatch: T, run: () => T): T {
    if (!filter.match) return run();
    try {
      return run();
    } catch (error) {
      if (isSqliteError(error) && (error as { code?: string }).code === 'SQLITE_ERROR') return noMatch;
      throw error;
    }
  }
}
