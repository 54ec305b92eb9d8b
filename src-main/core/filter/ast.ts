/** The parsed form of a filter expression: what the evaluator and the SQL compiler both read. */

/** Fields of the event itself, written with an `@` prefix (`@type`); everything else is a payload path. */
export type EventFieldName =
  | 'type'
  | 'topic'
  | 'provider'
  | 'connection'
  | 'callId'
  | 'seq'
  | 'summary'
  | 'receivedAt'
  | 'occurredAt';

export type FieldRef =
  | { scope: 'event'; name: EventFieldName }
  /** Keys from the payload root; an all-digit segment indexes an array. */
  | { scope: 'payload'; path: readonly string[] };

export type Literal =
  /** `text` is the number as typed, so `call_id = 652...` also matches an id sent as a string. */
  | { kind: 'number'; value: number; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type FilterExpression =
  | { kind: 'and'; operands: FilterExpression[] }
  | { kind: 'or'; operands: FilterExpression[] }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; field: FieldRef; op: CompareOp; value: Literal }
  | { kind: 'regex'; field: FieldRef; negated: boolean; source: string; flags: string }
  | { kind: 'exists'; field: FieldRef }
  /** A bare word or quoted phrase: free text over the summary and the raw frame. */
  | { kind: 'text'; word: string };

export interface FilterError {
  /** Ends with "at column N" so it reads well on its own. */
  message: string;
  /** 1-based. */
  column: number;
}

export type ParseResult =
  /** `expression` is null for a blank input: no constraint. */
  | { ok: true; expression: FilterExpression | null }
  | { ok: false; error: FilterError };
