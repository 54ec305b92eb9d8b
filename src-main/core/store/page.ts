import type { EventPage, EventQuery } from '../api';
import type { CompiledFilter } from './filter-sql';
import type { MatchingEvents } from './matching';

/** Keeps one request from pulling an unbounded slice of the log into memory. */
export const MAX_PAGE_SIZE = 5000;

function pageSize(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 0, 0), MAX_PAGE_SIZE);
}

/**
 * Seqs one page of a row-scanning filter examines at most, newest first. json_extract reads
 * ~0.5–1 M rows/s, so this keeps the time to a first page near 100 ms however rare the matches.
 */
export const SCAN_WINDOW = 50_000;

/** Lowest and highest stored seq; null when the store is empty. */
export type StoredSeqs = { oldest: number; newest: number } | null;

/**
 * The seq-window paging of EventQuery. One query fetches `limit + 1` rows in the paging direction
 * (the extra row answers "is there more that way"); one EXISTS answers the other direction.
 */
export function queryPage(
  matching: MatchingEvents,
  query: EventQuery,
  filter: CompiledFilter,
  storedSeqs: () => StoredSeqs,
): EventPage {
  const limit = pageSize(query.limit);
  // Seqs are integers: round fractional bounds so `before - 1` / `after + 1` stay exact.
  const before = query.beforeSeq === undefined ? undefined : Math.ceil(query.beforeSeq);
  const after = query.afterSeq === undefined ? undefined : Math.floor(query.afterSeq);
  const anyAtOrAfter = (seq: number | undefined): boolean =>
    seq !== undefined && matching.exists(filter, { after: seq - 1 });

  if (after === undefined && filter.scansRows) return boundedPageBefore(matching, filter, limit, before, storedSeqs());
  if (after !== undefined) {
    const rows = matching.select(filter, { after, before }, 'asc', limit + 1);
    return {
      events: rows.slice(0, limit),
      hasMoreBefore: matching.exists(filter, { before: after + 1 }),
      hasMoreAfter: rows.length > limit || anyAtOrAfter(before),
    };
  }
  const rows = matching.select(filter, { before }, 'desc', limit + 1);
  return {
    events: rows.slice(0, limit).reverse(),
    hasMoreBefore: rows.length > limit,
    hasMoreAfter: anyAtOrAfter(before),
  };
}

/**
 * A newest-first page of a filter that must read rows, examining one SCAN_WINDOW of seqs below
 * `before`. Finding fewer than `limit` there, it answers with what it found and where it stopped
 * (`searchedDownTo`) instead of reading the rest of the log. hasMoreBefore is then "maybe", and
 * hasMoreAfter is "maybe" whenever newer events exist: proving either could mean a full scan.
 */
function boundedPageBefore(
  matching: MatchingEvents,
  filter: CompiledFilter,
  limit: number,
  before: number | undefined,
  stored: StoredSeqs,
): EventPage {
  if (stored === null) return { events: [], hasMoreBefore: false, hasMoreAfter: false };
  const top = Math.min(before ?? stored.newest + 1, stored.newest + 1);
  const floor = top - SCAN_WINDOW;
  const rows = matching.select(filter, { after: floor - 1, before: top }, 'desc', limit + 1);
  const full = rows.length > limit;
  const reachedOldest = floor <= stored.oldest;
  return {
    events: rows.slice(0, limit).reverse(),
    hasMoreBefore: full || !reachedOldest,
    hasMoreAfter: before !== undefined && before <= stored.newest,
    ...(!full && !reachedOldest && { searchedDownTo: floor }),
  };
}
