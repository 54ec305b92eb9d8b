import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/store/database';
import { toRowParams } from '../../../src-main/core/store/row';
import { createRowInserter } from '../../../src-main/core/store/row-inserter';
import { migrate, SCHEMA_VERSION } from '../../../src-main/core/store/schema';
import { SearchIndexer } from '../../../src-main/core/store/search-indexer';
import { newEvent } from './store-fixtures';

describe('SearchIndexer during a burst that never pauses', () => {
  it('indexes on each append whatever went past the lag limit, however large the append, and at least a catch-up slice', () => {
    const db = openDatabase({ file: ':memory:' });
    migrate(db);
    const insertRows = createRowInserter(db);
    const indexer = new SearchIndexer(db, 0, 1_000, 2_000);
    const indexedThrough = (): number =>
      db.prepare('SELECT indexed_through FROM search_progress').pluck().get() as number;
    const append = (rows: number): void => {
      const seqs = insertRows(Array.from({ length: rows }, () => toRowParams(newEvent())));
      indexer.noteAppended(seqs.at(-1)!);
    };

    append(800);
    expect(indexedThrough()).toBe(0);
    append(5_000);
    expect(indexedThrough()).toBe(5_800 - 1_000);
    append(7_000);
    expect(indexer.lag).toBe(1_000);
    // Just past the limit, it indexes a whole catch-up slice rather than the few rows over it.
    append(1_500);
    expect(indexer.lag).toBe(500);
    expect(db.prepare("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'ringing'").pluck().get()).toBe(13_800);
    indexer.close();
    db.close();
  });
});

describe('the full-text index', () => {
  it('merges its segments eight at a time, on a new log and on one the previous schema wrote', () => {
    const automerge = (db: ReturnType<typeof openDatabase>): unknown =>
      db.prepare("SELECT v FROM events_fts_config WHERE k = 'automerge'").pluck().get();
    const fresh = openDatabase({ file: ':memory:' });
    migrate(fresh);
    expect(automerge(fresh)).toBe(8);
    fresh.close();

    const older = openDatabase({ file: ':memory:' });
    migrate(older);
    // Back to what the second schema had: no raw_from_payload, merges four at a time.
    older.exec('ALTER TABLE events DROP COLUMN raw_from_payload');
    older.exec("INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 4)");
    expect(automerge(older)).toBe(4);
    older.pragma('user_version = 2');
    migrate(older);
    expect(automerge(older)).toBe(8);
    expect(older.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    older.close();
  });
});
