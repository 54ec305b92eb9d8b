import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/store/database';
import { INSERT_EVENT_SQL, toRowParams } from '../../../src-main/core/store/row';
import { migrate } from '../../../src-main/core/store/schema';
import { SearchIndexer } from '../../../src-main/core/store/search-indexer';
import { newEvent } from './store-fixtures';

describe('SearchIndexer during a burst that never pauses', () => {
  it('indexes on each append whatever went past the lag limit, however large the append', () => {
    const db = openDatabase({ file: ':memory:' });
    migrate(db);
    const insert = db.prepare(INSERT_EVENT_SQL);
    const indexer = new SearchIndexer(db, 0, 1_000);
    const indexedThrough = (): number =>
      db.prepare('SELECT indexed_through FROM search_progress').pluck().get() as number;
    let lastSeq = 0;
    const append = (rows: number): void => {
      for (let index = 0; index < rows; index++) lastSeq = Number(insert.run(...toRowParams(newEvent())).lastInsertRowid);
      indexer.noteAppended(lastSeq);
    };

    append(800);
    expect(indexedThrough()).toBe(0);
    append(5_000);
    expect(indexedThrough()).toBe(5_800 - 1_000);
    append(7_000);
    expect(indexer.lag).toBe(1_000);
    expect(db.prepare("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'ringing'").pluck().get()).toBe(11_800);
    indexer.close();
    db.close();
  });
});
