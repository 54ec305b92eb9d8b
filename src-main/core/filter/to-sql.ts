import type { EventFieldName, FieldRef, FilterExpression, Literal } from './ast';
import { jsonPath } from './fields';

/**
 * SQL functions the store registers on its connection (store/sql-functions.ts), backed by the
 * same code the live evaluator runs.
 */
export const SQL_FUNCTIONS = {
  /** regexp(source, flags, value) → 1 / 0 */
  regexp: 'regexp',
  /** filter_text(summary, rawText, word) → 1 / 0 */
  text: 'filter_text',
  /** frame_text(raw, payload, raw_from_payload) → the frame a row stores (row.ts, frameText) */
  frameText: 'frame_text',
} as const;

/** Top-level free-text words handed to the FTS index at most; the rest run through filter_text(). */
const MAX_INDEXED_WORDS = 8;

/** Columns of `events e`. Fixed names from this table, never user input. */
const EVENT_COLUMNS: Record<EventFieldName, string> = {
  type: 'e.type',
  topic: 'e.topic',
  provider: 'e.provider',
  connection: 'e.connection_id',
  callId: 'e.call_id',
  seq: 'e.seq',
  summary: 'e.summary',
  receivedAt: 'e.received_at',
  occurredAt: 'e.occurred_at',
};

/** The text of a text frame, NULL for a binary one (whose `raw` is base64). */
export const RAW_TEXT = `CASE WHEN e.raw_from_payload IS NOT NULL THEN ${SQL_FUNCTIONS.frameText}(e.raw, e.payload, e.raw_from_payload) WHEN e.raw_encoding = 'text' THEN e.raw END`;

export interface ExpressionSql {
  /** A condition over `events e`; null when the expression is only indexed words. */
  condition: string | null;
  params: unknown[];
  /** Words ANDed at the top level: the store adds them to its FTS5 search, which uses the index. */
  indexedWords: string[];
}

/**
 * How a field reads in SQL: its value, and its kind in json_type() vocabulary ('text', 'integer',
 * 'real', 'true', 'false', 'null', 'object', 'array'; NULL when the key is absent). For a column
 * typeof() gives the same names. Every user value, JSON paths included, is a bound parameter.
 */
interface FieldSql {
  value: string;
  kind: string;
  params: unknown[];
}

function fieldSql(field: FieldRef): FieldSql {
  if (field.scope === 'event') {
    const column = EVENT_COLUMNS[field.name];
    return { value: column, kind: `typeof(${column})`, params: [] };
  }
  return { value: 'json_extract(e.payload, ?)', kind: 'json_type(e.payload, ?)', params: [jsonPath(field.path)] };
}

class SqlBuilder {
  readonly params: unknown[] = [];

  build(expression: FilterExpression): string {
    switch (expression.kind) {
      case 'and':
      case 'or': {
        const joiner = expression.kind === 'and' ? ' AND ' : ' OR ';
        return `(${expression.operands.map((operand) => this.build(operand)).join(joiner)})`;
      }
      case 'not':
        return `(NOT ${this.build(expression.operand)})`;
      case 'text':
        this.params.push(expression.word);
        return `${SQL_FUNCTIONS.text}(e.summary, ${RAW_TEXT}, ?)`;
      default: {
        // Every leaf is 0 or 1, never NULL, so NOT and OR keep two-valued logic: `x != 1`
        // matches events without x, exactly as NOT (x = 1) does in the evaluator.
        const positive = `coalesce(${this.leaf(expression)}, 0)`;
        const negated = expression.kind === 'regex' ? expression.negated : expression.kind === 'compare' && expression.op === '!=';
        return negated ? `(NOT ${positive})` : positive;
      }
    }
  }

  /** The positive test: `!=` and `!~` are negated by build(), outside the NULL guard. */
  private leaf(expression: FilterExpression & { kind: 'exists' | 'regex' | 'compare' }): string {
    const field = fieldSql(expression.field);
    const kind = (): string => {
      this.params.push(...field.params);
      return field.kind;
    };
    const value = (): string => {
      this.params.push(...field.params);
      return field.value;
    };
    switch (expression.kind) {
      case 'exists':
        return `${kind()} != 'null'`;
      case 'regex': {
        const kindSql = kind();
        this.params.push(expression.source, expression.flags);
        const valueSql = value();
        return `(${kindSql} IN ('text', 'integer', 'real') AND ${SQL_FUNCTIONS.regexp}(?, ?, ${valueSql}))`;
      }
      case 'compare': {
        const { op } = expression;
        if (op === '=' || op === '!=') return this.equals(kind, value, expression.value);
        const kinds = expression.value.kind === 'number' ? "('integer', 'real')" : "('text')";
        const condition = `(${kind()} IN ${kinds} AND ${value()} ${op} ?)`;
        this.params.push(expression.value.kind === 'number' || expression.value.kind === 'string' ? expression.value.value : null);
        return condition;
      }
    }
  }

  private equals(kind: () => string, value: () => string, literal: Literal): string {
    switch (literal.kind) {
      case 'number': {
        const numeric = `(${kind()} IN ('integer', 'real') AND ${value()} = ?)`;
        this.params.push(literal.value);
        const textual = `(${kind()} = 'text' AND ${value()} = ?)`;
        this.params.push(literal.text);
        return `(${numeric} OR ${textual})`;
      }
      case 'string': {
        const condition = `(${kind()} = 'text' AND ${value()} = ?)`;
        this.params.push(literal.value);
        return condition;
      }
      case 'boolean':
        return `(${kind()} = '${literal.value ? 'true' : 'false'}')`;
      case 'null':
        return `(${kind()} IS NULL OR ${kind()} = 'null')`;
    }
  }
}

/**
 * Compiles a parsed expression to one SQL condition with bound parameters. With `indexWords`,
 * single words ANDed at the top level are returned for the FTS index instead (a phrase with a
 * space would be split there, so it stays a filter_text() test).
 */
export function expressionToSql(expression: FilterExpression, options: { indexWords: boolean }): ExpressionSql {
  const conjuncts = expression.kind === 'and' ? expression.operands : [expression];
  const indexedWords: string[] = [];
  const rest: FilterExpression[] = [];
  for (const conjunct of conjuncts) {
    const indexable = options.indexWords && conjunct.kind === 'text' && !/\s/.test(conjunct.word);
    if (indexable && indexedWords.length < MAX_INDEXED_WORDS) indexedWords.push(conjunct.word);
    else rest.push(conjunct);
  }
  if (rest.length === 0) return { condition: null, params: [], indexedWords };
  const builder = new SqlBuilder();
  const condition = builder.build(rest.length === 1 ? rest[0]! : { kind: 'and', operands: rest });
  return { condition, params: builder.params, indexedWords };
}
