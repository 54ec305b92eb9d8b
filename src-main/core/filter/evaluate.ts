import type { MonitorEvent } from '../api';
import type { FieldRef, FilterExpression, Literal } from './ast';
import { readField } from './fields';
import { compileSafeRegex, testRegex } from './safe-regex';
import { matchesText } from './text-match';

/**
 * What a value is, in the vocabulary of SQLite's json_type(), so the evaluator and the SQL the
 * compiler emits classify every value the same way. `missing` is an absent key.
 */
export type ValueKind = 'text' | 'number' | 'true' | 'false' | 'null' | 'object' | 'array' | 'missing';

export function kindOf(value: unknown): ValueKind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return Array.isArray(value) ? 'array' : 'object';
}

function equals(value: unknown, literal: Literal): boolean {
  const kind = kindOf(value);
  switch (literal.kind) {
    case 'number':
      return (kind === 'number' && value === literal.value) || (kind === 'text' && value === literal.text);
    case 'string':
      return kind === 'text' && value === literal.value;
    case 'boolean':
      return kind === (literal.value ? 'true' : 'false');
    case 'null':
      return kind === 'null' || kind === 'missing';
  }
}

function ordered(value: unknown, op: '>' | '>=' | '<' | '<=', literal: Literal): boolean {
  let left: number | string;
  let right: number | string;
  if (literal.kind === 'number' && typeof value === 'number') [left, right] = [value, literal.value];
  else if (literal.kind === 'string' && typeof value === 'string') [left, right] = [value, literal.value];
  else return false;
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

/** Numbers are matched by their decimal text, as the regex sees them in SQL too. */
function regexSubject(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

const regexCache = new Map<string, RegExp | null>();
const REGEX_CACHE_SIZE = 64;

/** Compiled once per pattern; an unsafe pattern (never accepted by the parser) matches nothing. */
export function cachedRegex(source: string, flags: string): RegExp | null {
  const key = `${flags}/${source}`;
  const cached = regexCache.get(key);
  if (cached !== undefined) return cached;
  const compiled = compileSafeRegex(source, flags);
  const regex = compiled.ok ? compiled.regex : null;
  if (regexCache.size >= REGEX_CACHE_SIZE) regexCache.delete(regexCache.keys().next().value!);
  regexCache.set(key, regex);
  return regex;
}

/** `regex.test` keeps state for `g`/`y` only, which the parser never allows, so reuse is safe. */
export function regexMatches(source: string, flags: string, value: unknown): boolean {
  const subject = regexSubject(value);
  if (subject === null) return false;
  const regex = cachedRegex(source, flags);
  return regex !== null && testRegex(regex, subject);
}

function exists(event: MonitorEvent, field: FieldRef): boolean {
  const kind = kindOf(readField(event, field));
  return kind !== 'missing' && kind !== 'null';
}

export function rawText(event: MonitorEvent): string | null {
  return event.rawEncoding === 'text' ? event.raw : null;
}

export function evaluate(expression: FilterExpression, event: MonitorEvent): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.operands.every((operand) => evaluate(operand, event));
    case 'or':
      return expression.operands.some((operand) => evaluate(operand, event));
    case 'not':
      return !evaluate(expression.operand, event);
    case 'exists':
      return exists(event, expression.field);
    case 'text':
      return matchesText(event.summary, rawText(event), expression.word);
    case 'regex':
      return regexMatches(expression.source, expression.flags, readField(event, expression.field)) !== expression.negated;
    case 'compare': {
      const value = readField(event, expression.field);
      const { op } = expression;
      if (op === '=') return equals(value, expression.value);
      if (op === '!=') return !equals(value, expression.value);
      return ordered(value, op, expression.value);
    }
  }
}
