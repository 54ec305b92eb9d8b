import Database from 'better-sqlite3';

/** What the store holds for one provider, read straight from the SQLite file after the core closed. */
export interface ProviderTally {
  /** Rows of the provider whose type is not `system.*`: the provider's own events. */
  events: number;
  /** Of those, how many distinct frames: equal to `events` when nothing was stored twice. */
  distinctFrames: number;
  /** `system.*` rows by type: lifecycle entries and malformed frames, never counted as events. */
  system: Record<string, number>;
}

export function tallyStore(file: string): Record<string, ProviderTally> {
  const db = new Database(file, { readonly: true });
  try {
    const tallies: Record<string, ProviderTally> = {};
    const events = db
      .prepare(
        // A frame stored as its payload text (raw_from_payload, schema 4) is told apart by that text
        // and the quotes it adds, which the frame determines and which give the frame back.
        `SELECT provider, count(*) AS events,
                count(DISTINCT CASE WHEN raw_from_payload IS NULL THEN 'raw:' || raw
                                    ELSE 'payload:' || raw_from_payload || ':' || payload END) AS distinctFrames
           FROM events WHERE type NOT LIKE 'system.%' GROUP BY provider`,
      )
      .all() as { provider: string; events: number; distinctFrames: number }[];
    for (const row of events) tallies[row.provider] = { events: row.events, distinctFrames: row.distinctFrames, system: {} };
    const system = db
      .prepare(`SELECT provider, type, count(*) AS count FROM events WHERE type LIKE 'system.%' GROUP BY provider, type`)
      .all() as { provider: string; type: string; count: number }[];
    for (const row of system) {
      const tally = (tallies[row.provider] ??= { events: 0, distinctFrames: 0, system: {} });
      tally.system[row.type] = row.count;
    }
    return tallies;
  } finally {
    db.close();
  }
}

/** Seq is the store's own order: it must run 1..count with no hole and no repeat. */
export function seqIsContiguous(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS count, min(seq) AS first, max(seq) AS last FROM events').get() as {
      count: number;
      first: number | null;
      last: number | null;
    };
    return row.count === 0 || (row.first === 1 && row.last === row.count);
  } finally {
    db.close();
  }
}
