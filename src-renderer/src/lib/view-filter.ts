import type { EventFilter, ProviderId } from '../../../src-main/core/api';

export type TimeRange =
  | { kind: 'all' }
  /** Rolling: resolved to a start time whenever the filter is applied. */
  | { kind: 'last'; minutes: number }
  | { kind: 'custom'; from: number | null; to: number | null };

/** What the filter bar edits; applied to every stream pane, each adding its own topic. */
export interface ViewFilter {
  expression: string;
  types: string[];
  providers: ProviderId[];
  connectionIds: string[];
  topics: string[];
  range: TimeRange;
}

export const EMPTY_FILTER: ViewFilter = {
  expression: '',
  types: [],
  providers: [],
  connectionIds: [],
  topics: [],
  range: { kind: 'all' },
};

export const RECENT_RANGES = [5, 15, 60] as const;

export function isEmptyFilter(filter: ViewFilter): boolean {
  return (
    filter.expression.trim() === '' &&
    filter.types.length === 0 &&
    filter.providers.length === 0 &&
    filter.connectionIds.length === 0 &&
    filter.topics.length === 0 &&
    filter.range.kind === 'all'
  );
}

function timeBounds(range: TimeRange, now: number): Pick<EventFilter, 'fromTime' | 'toTime'> {
  if (range.kind === 'last') return { fromTime: now - range.minutes * 60_000 };
  if (range.kind === 'custom') {
    return { ...(range.from !== null && { fromTime: range.from }), ...(range.to !== null && { toTime: range.to }) };
  }
  return {};
}

/**
 * The store query for one stream: the view filter narrowed to the stream's topic (null = All).
 * Null when the two exclude each other, so the stream is empty by construction.
 */
export function streamFilter(filter: ViewFilter, topic: string | null, now: number): EventFilter | null {
  if (topic !== null && filter.topics.length > 0 && !filter.topics.includes(topic)) return null;
  const topics = topic === null ? filter.topics : [topic];
  const expression = filter.expression.trim();
  return {
    ...(filter.providers.length > 0 && { providers: filter.providers }),
    ...(filter.connectionIds.length > 0 && { connectionIds: filter.connectionIds }),
    ...(topics.length > 0 && { topics }),
    ...(filter.types.length > 0 && { types: filter.types }),
    ...(expression !== '' && { expression }),
    ...timeBounds(filter.range, now),
  };
}
