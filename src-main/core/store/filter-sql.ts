import type { EventFilter } from '../api';
import { containsPattern, parseTextSearch } from './fts';

/**
 * An EventFilter as SQL pieces over `events e`, optionally joined to `events_fts`. Empty lists and
 * blank strings mean "no constraint": that is what a cleared filter control sends.
 */
export interface CompiledFilter {
  conditions: string[];
  params: unknown[];
  /** FTS5 MATCH expression when the filter searches text. */
  match: string | null;
  /** An explicit selection (export of picked events); null means every seq. */
  seqs: readonly number[] | null;
}

export function compileFilter(filter: EventFilter | undefined): CompiledFilter {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const oneOf = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    const distinct = [...new Set(values)];
    conditions.push(`${column} IN (${distinct.map(() => '?').join(', ')})`);
    params.push(...distinct);
  };
  oneOf('e.provider', filter?.providers);
  oneOf('e.connection_id', filter?.connectionIds);
  oneOf('e.topic', filter?.topics);
  oneOf('e.type', filter?.types);
  if (filter?.callId) {
    conditions.push('e.call_id = ?');
    params.push(filter.callId);
  }
  if (filter?.fromTime !== undefined && Number.isFinite(filter.fromTime)) {
    conditions.push('e.received_at >= ?');
    params.push(filter.fromTime);
  }
  if (filter?.toTime !== undefined && Number.isFinite(filter.toTime)) {
    conditions.push('e.received_at <= ?');
    params.push(filter.toTime);
  }
  const search = filter?.text ? parseTextSearch(filter.text) : null;
  for (const word of search?.multiTokenWords ?? []) {
    // LIKE folds ASCII case as the tokenizer does; binary frames are not text to search.
    conditions.push("(e.summary LIKE ? ESCAPE '\\' OR (e.raw_encoding = 'text' AND e.raw LIKE ? ESCAPE '\\'))");
    params.push(containsPattern(word), containsPattern(word));
  }
  return { conditions, params, match: search?.match ?? null, seqs: null };
}

/** Narrows a filter to an explicit set of seqs. */
export function restrictToSeqs(filter: CompiledFilter, seqs: readonly number[]): CompiledFilter {
  return { ...filter, seqs };
}
