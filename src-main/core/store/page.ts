import type { EventPage, EventQuery } from '../api';
import { compileFilter } from './filter-sql';
import type { MatchingEvents } from './matching';

/** Keeps one request from pulling an unbounded slice of the log into memory. */
export const MAX_PAGE_SIZE = 5000;

function pageSize(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 0, 0), MAX_PAGE_SIZE);
}

/**
 * The seq-window paging of EventQuery. One query fetches `limit + 1` rows in the paging direction
 * (the extra row answers "is there more that way"); one EXISTS answers the other direction.
 */
export function queryPage(matching: MatchingEvents, query: EventQuery): EventPage {
  const filter = compileFilter(query.filter);
  const limit = pageSize(query.limit);
  // Seqs are integers: round fractional bounds so `before - 1` / `after + 1` stay exact.
  const before = query.beforeSeq === undefined ? undefined : Math.ceil(query.beforeSeq);
  const after = query.afterSeq === undefined ? undefined : Math.floor(query.afterSeq);
  const anyAtOrAfter = (seq: number | undefined): boolean =>
    seq !== undefined && matching.exists(filter, { after: seq - 1 });

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
