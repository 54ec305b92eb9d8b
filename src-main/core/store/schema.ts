import type Database from 'better-sqlite3';

/**
 * Each entry moves the schema one version up; `PRAGMA user_version` records how many have run.
 * Never edit a shipped entry: append a new one.
 */
const MIGRATIONS: readonly string[] = [
  `
  -- AUTOINCREMENT so a seq is never handed out twice, even after retention emptied the table.
  CREATE TABLE events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id TEXT    NOT NULL,
    provider      TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    occurred_at   INTEGER,
    topic         TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    call_id       TEXT,
    summary       TEXT    NOT NULL,
    raw           TEXT    NOT NULL,
    raw_encoding  TEXT    NOT NULL CHECK (raw_encoding IN ('text', 'base64')),
    payload       TEXT,
    verified      INTEGER CHECK (verified IN (0, 1))
  );

  -- Every index of a rowid table ends with the rowid, so each of these is really (column, seq):
  -- an equality filter walks it in seq order and pages without sorting.
  CREATE INDEX events_by_received_at ON events (received_at);
  CREATE INDEX events_by_connection  ON events (connection_id);
  CREATE INDEX events_by_provider    ON events (provider);
  CREATE INDEX events_by_topic       ON events (topic);
  CREATE INDEX events_by_type        ON events (type);
  CREATE INDEX events_by_call        ON events (call_id) WHERE call_id IS NOT NULL;

  -- Contentless: the text already lives in events, so the index stores no second copy.
  -- contentless_delete lets retention remove rows by rowid alone. detail = none keeps no token
  -- positions: measured ~1.4x faster appends than the default; phrases are checked with LIKE.
  CREATE VIRTUAL TABLE events_fts USING fts5 (
    summary, raw,
    content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61'
  );

  -- Rows enter the index from append() (cheaper than an insert trigger on the hot path);
  -- any delete, whoever issues it, leaves the index through this trigger in the same transaction.
  CREATE TRIGGER events_fts_on_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_fts WHERE rowid = old.seq;
  END;
  `,
  `
  -- Rows now enter events_fts after the append, in their own transaction (search-indexer.ts):
  -- every event with seq <= indexed_through is in the index. Until now every append indexed
  -- its rows itself, so all existing rows are.
  CREATE TABLE search_progress (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
  );
  INSERT INTO search_progress (id, indexed_through)
    VALUES (1, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0));
  `,
  `
  -- Merge index segments eight at a time instead of four: rows enter the index in slices of
  -- thousands, and merging less often measured ~20 % cheaper per row (search-indexer.ts);
  -- a search reads a few more segments, well under a millisecond more on 100,000 rows.
  INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 8);
  `,
  `
  -- One text per row when the frame is its payload's own text (most JSON frames): \`raw\` is then ''
  -- and this column says how to get the frame back from \`payload\` (row.ts, frameText): the
  -- offsets 'start,end,...' of the integers the payload quotes, quotes included, or '' when the
  -- frame is the payload text itself. NULL: the frame is in \`raw\`, as in every row before.
  ALTER TABLE events ADD COLUMN raw_from_payload TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The event store was written by a newer Switchboard (schema ${current}, this build knows ${SCHEMA_VERSION}).`,
    );
  }
  const upgrade = db.transaction(() => {
    for (let version = current; version < SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  upgrade.immediate();
}
