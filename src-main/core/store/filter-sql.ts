import type { EventFilter } from '../api';
import { expressionToSql, RAW_TEXT } from '../filter/to-sql';
import { parseFilterExpression } from '../filter/parser';
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
  /**
   * A condition no index can serve (payload predicates, regex): finding rare matches means
   * reading every row, so pages scan a bounded seq window (page.ts).
   */
  scansRows: boolean;
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
  const indexedWords: string[] = [];
  let expressionCondition = false;
  if (filter?.expression) {
    const parsed = parseFilterExpression(filter.expression);
    // The API refuses an expression that does not parse; any other caller gets no rows, never all.
    if (!parsed.ok) return { conditions: ['0'], params: [], match: null, seqs: null, scansRows: false };
    if (parsed.expression) {
      // filter.text has its own word budget in the index; words of both would overflow it.
      const compiled = expressionToSql(parsed.expression, { indexWords: !filter.text?.trim() });
      if (compiled.condition) {
        expressionCondition = true;
        conditions.push(compiled.condition);
        params.push(...compiled.params);
      }
      indexedWords.push(...compiled.indexedWords);
    }
  }
  const searchText = [filter?.text ?? '', ...indexedWords].join(' ');
  const search = searchText.trim() ? parseTextSearch(searchText) : null;
  for (const word of search?.multiTokenWords ?? []) {
    // LIKE folds ASCII case as the tokenizer does; binary frames are not text to search.
    conditions.push(`(e.summary LIKE ? ESCAPE '\\' OR (${RAW_TEXT}) LIKE ? ESCAPE '\\')`);
    params.push(containsPattern(word), containsPattern(word));
  }
  const match = search?.match ?? null;
  // With a text search the FTS index drives the scan and bounds it by itself.
  return { conditions, params, match, seqs: null, scansRows: expressionCondition && match === null };
}

/** Narrows a filter to an explicit set of seqs. */
export function restrictToSeqs(filter: CompiledFilter, seqs: readonly number[]): CompiledFilter {
  return { ...filter, seqs };
}
