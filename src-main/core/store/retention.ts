import type Database from 'better-sqlite3';
import type { RetentionPolicy } from './types';

/** Rows per delete transaction: keeps each write lock (and WAL growth) short. */
const DELETE_CHUNK = 5000;

function activeLimit(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : null;
}

export function normalizeRetention(policy: RetentionPolicy | undefined): RetentionPolicy {
  return { maxEvents: activeLimit(policy?.maxEvents), maxAgeMs: activeLimit(policy?.maxAgeMs) };
}

/** Deletes in chunks until one comes back short; returns how many rows went. */
function deleteInChunks(db: Database.Database, selectSeqsSql: string, bound: number): number {
  const deleteChunk = db.prepare(`DELETE FROM events WHERE seq IN (${selectSeqsSql} LIMIT ${DELETE_CHUNK})`);
  const runChunk = db.transaction(() => deleteChunk.run(bound).changes);
  let deleted = 0;
  for (;;) {
    const changes = runChunk();
    deleted += changes;
    if (changes < DELETE_CHUNK) return deleted;
  }
}

/**
 * Drops the oldest events beyond `maxEvents` and those received before `now - maxAgeMs`.
 * The FTS rows go with them through the delete trigger, inside each chunk's transaction.
 */
export function applyRetention(db: Database.Database, policy: RetentionPolicy, now: number): number {
  let deleted = 0;
  if (policy.maxEvents) {
    const newestToDelete = db
      .prepare('SELECT seq FROM events ORDER BY seq DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(policy.maxEvents) as number | undefined;
    if (newestToDelete !== undefined) {
      deleted += deleteInChunks(db, 'SELECT seq FROM events WHERE seq <= ? ORDER BY seq', newestToDelete);
    }
  }
  if (policy.maxAgeMs) {
    // By received_at, not seq: the local clock can step back, so old rows need not be low seqs.
    deleted += deleteInChunks(db, 'SELECT seq FROM events WHERE received_at < ?', now - policy.maxAgeMs);
  }
  return deleted;
}
