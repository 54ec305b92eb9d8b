import type Database from 'better-sqlite3';
import { INSERT_EVENT_COLUMNS, pushBindableRow, type RowParams } from './row';

/**
 * Rows per INSERT statement: one statement per row cost a native call, a statement reset and an
 * update of the AUTOINCREMENT counter per row; 64 rows (768 parameters) take each once.
 */
const ROWS_PER_STATEMENT = 64;

const ROW_PLACEHOLDERS = `(${INSERT_EVENT_COLUMNS.split(',').map(() => '?').join(', ')})`;

/**
 * Inserts rows with multi-row INSERT statements, inside the caller's transaction, and returns
 * their seqs in row order. One INSERT on the only writing connection hands out consecutive
 * seqs (AUTOINCREMENT: one past the largest ever given, row after row), so the statement's last
 * rowid gives all of them.
 */
export function createRowInserter(db: Database.Database): (rows: readonly RowParams[]) => number[] {
  const statements = new Map<number, Database.Statement>();
  const statementFor = (rowCount: number): Database.Statement => {
    let statement = statements.get(rowCount);
    if (statement === undefined) {
      const values = Array.from({ length: rowCount }, () => ROW_PLACEHOLDERS).join(', ');
      statement = db.prepare(`INSERT INTO events (${INSERT_EVENT_COLUMNS}) VALUES ${values}`);
      statements.set(rowCount, statement);
    }
    return statement;
  };
  return (rows) => {
    const seqs = new Array<number>(rows.length);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(rows.length, start + ROWS_PER_STATEMENT);
      const params: (string | number | null)[] = [];
      for (let index = start; index < end; index++) pushBindableRow(params, rows[index]!);
      const lastSeq = Number(statementFor(end - start).run(params).lastInsertRowid);
      for (let index = start; index < end; index++) seqs[index] = lastSeq - (end - 1 - index);
    }
    return seqs;
  };
}
