import type { MonitorEvent } from '../api';
import { restrictToSeqs, type CompiledFilter } from './filter-sql';
import type { MatchingEvents } from './matching';

/** Rows per read: memory stays at one chunk however large the result. */
const CHUNK_SIZE = 1000;

export interface IterateOptions {
  afterSeq?: number;
  /** Explicit selection; missing seqs are skipped, order and duplicates do not matter. */
  seqs?: number[];
}

/**
 * Ascending stream of matching events, read in keyset chunks. Not one long-lived better-sqlite3
 * cursor: an open cursor keeps the connection busy, and appends must go on while an export
 * awaits its file. Stops at `upToSeq` so a stream over a live log ends.
 */
export function* iterateMatching(
  matching: MatchingEvents,
  compiled: CompiledFilter,
  options: IterateOptions,
  upToSeq: number,
): IterableIterator<MonitorEvent> {
  const afterSeq = options.afterSeq ?? 0;
  if (options.seqs) {
    const selection = [...new Set(options.seqs)].filter((seq) => seq > afterSeq).sort((a, b) => a - b);
    for (let start = 0; start < selection.length; start += CHUNK_SIZE) {
      const chunk = selection.slice(start, start + CHUNK_SIZE);
      yield* matching.select(restrictToSeqs(compiled, chunk), {}, 'asc', chunk.length);
    }
    return;
  }
  let cursor = afterSeq;
  for (;;) {
    const rows = matching.select(compiled, { after: cursor, before: upToSeq + 1 }, 'asc', CHUNK_SIZE);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < CHUNK_SIZE || last === undefined) return;
    cursor = last.seq;
  }
}
