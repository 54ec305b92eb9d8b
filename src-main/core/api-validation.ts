import type { EventFilter, EventQuery, ProviderId } from './api';
import { MAX_EXPRESSION_LENGTH } from './filter/limits';
import { parseFilterExpression } from './filter/parser';

/**
 * Requests cross a trust boundary (IPC or the web socket): check their shape before use and
 * answer with a message a person can act on.
 */
export class InvalidRequestError extends Error {}

const PROVIDERS: readonly ProviderId[] = ['dialpad', 'voipbin', 'opentact', 'websocket', 'file'];
export const MAX_PAGE_SIZE = 5_000;

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new InvalidRequestError(`${name} must be a non-empty string of at most 200 characters.`);
  }
  return value;
}

export function requireSeq(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidRequestError(`${name} must be a non-negative integer.`);
  }
  return value;
}

export function parseEventQuery(value: unknown): EventQuery {
  if (typeof value !== 'object' || value === null) throw new InvalidRequestError('The query must be an object.');
  const { beforeSeq, afterSeq, limit, filter } = value as Record<string, unknown>;
  if (beforeSeq !== undefined && afterSeq !== undefined) {
    throw new InvalidRequestError('A query takes beforeSeq or afterSeq, not both.');
  }
  const pageSize = requireSeq(limit, 'limit');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new InvalidRequestError(`limit must be between 1 and ${MAX_PAGE_SIZE}.`);
  return {
    limit: pageSize,
    ...(beforeSeq !== undefined && { beforeSeq: requireSeq(beforeSeq, 'beforeSeq') }),
    ...(afterSeq !== undefined && { afterSeq: requireSeq(afterSeq, 'afterSeq') }),
    ...(filter !== undefined && { filter: parseFilter(filter) }),
  };
}

function parseFilter(value: unknown): EventFilter {
  if (typeof value !== 'object' || value === null) throw new InvalidRequestError('filter must be an object.');
  const raw = value as Record<string, unknown>;
  const filter: EventFilter = {};
  if (raw.providers !== undefined) {
    filter.providers = stringList(raw.providers, 'filter.providers').map((provider) => {
      if (!PROVIDERS.includes(provider as ProviderId)) throw new InvalidRequestError(`Unknown provider ${JSON.stringify(provider)}.`);
      return provider as ProviderId;
    });
  }
  if (raw.connectionIds !== undefined) filter.connectionIds = stringList(raw.connectionIds, 'filter.connectionIds');
  if (raw.topics !== undefined) filter.topics = stringList(raw.topics, 'filter.topics');
  if (raw.types !== undefined) filter.types = stringList(raw.types, 'filter.types');
  if (raw.callId !== undefined) filter.callId = requireString(raw.callId, 'filter.callId');
  if (raw.text !== undefined) {
    if (typeof raw.text !== 'string' || raw.text.length > 1_000) throw new InvalidRequestError('filter.text must be a string of at most 1000 characters.');
    filter.text = raw.text;
  }
  if (raw.expression !== undefined) filter.expression = filterExpression(raw.expression);
  if (raw.fromTime !== undefined) filter.fromTime = requireSeq(raw.fromTime, 'filter.fromTime');
  if (raw.toTime !== undefined) filter.toTime = requireSeq(raw.toTime, 'filter.toTime');
  return filter;
}

/** A blank expression passes (no constraint); one that does not parse is refused with the parser's message. */
function filterExpression(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_EXPRESSION_LENGTH) {
    throw new InvalidRequestError(`filter.expression must be a string of at most ${MAX_EXPRESSION_LENGTH} characters.`);
  }
  const parsed = parseFilterExpression(value);
  if (!parsed.ok) throw new InvalidRequestError(`filter.expression: ${parsed.error.message}.`);
  return value;
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.length > 500) throw new InvalidRequestError(`${name} must be a list of at most 500 strings.`);
  return value.map((item, index) => requireString(item, `${name}[${index}]`));
}
