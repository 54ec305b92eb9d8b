import type { EventFilter, MonitorEvent } from '../api';
import type { FilterExpression } from './ast';
import { evaluate, rawText } from './evaluate';
import { parseFilterExpression } from './parser';
import { matchesText } from './text-match';

/** The store searches at most this many words of `filter.text` (store/fts.ts); so does this. */
const MAX_TEXT_WORDS = 16;

export type EventMatcher = (event: MonitorEvent) => boolean;

function oneOf(values: readonly string[] | undefined, value: string): boolean {
  return !values || values.length === 0 || values.includes(value);
}

/**
 * The in-memory twin of the store's filter SQL (store/filter-sql.ts), for events that arrive live.
 * An expression that does not parse matches nothing: callers show the parse error instead.
 */
export function eventMatcher(filter: EventFilter): EventMatcher {
  let expression: FilterExpression | null = null;
  if (filter.expression) {
    const parsed = parseFilterExpression(filter.expression);
    if (!parsed.ok) return () => false;
    expression = parsed.expression;
  }
  const words = (filter.text ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_TEXT_WORDS);
  return (event) =>
    oneOf(filter.providers, event.provider) &&
    oneOf(filter.connectionIds, event.connectionId) &&
    oneOf(filter.topics, event.topic) &&
    oneOf(filter.types, event.type) &&
    (!filter.callId || event.callId === filter.callId) &&
    (filter.fromTime === undefined || event.receivedAt >= filter.fromTime) &&
    (filter.toTime === undefined || event.receivedAt <= filter.toTime) &&
    words.every((word) => matchesText(event.summary, rawText(event), word)) &&
    (expression === null || evaluate(expression, event));
}
