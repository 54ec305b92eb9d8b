import type { MonitorEvent } from '../api';
import type { EventFieldName, FieldRef } from './ast';

export const EVENT_FIELDS: readonly EventFieldName[] = [
  'type',
  'topic',
  'provider',
  'connection',
  'callId',
  'seq',
  'summary',
  'receivedAt',
  'occurredAt',
];

const EVENT_FIELD_BY_LOWER = new Map(EVENT_FIELDS.map((name) => [name.toLowerCase(), name]));
const PATH_SEGMENT = /^[\p{L}\p{N}_$-]+$/u;
const ARRAY_INDEX = /^\d+$/;

export type FieldParse = { ok: true; field: FieldRef } | { ok: false; message: string };

/** `@type` names an event field (case-insensitive); anything else is a dotted payload path. */
export function parseField(text: string): FieldParse {
  if (text.startsWith('@')) {
    const name = EVENT_FIELD_BY_LOWER.get(text.slice(1).toLowerCase());
    if (name) return { ok: true, field: { scope: 'event', name } };
    return { ok: false, message: `Unknown event field '${text}' (use ${EVENT_FIELDS.map((field) => `@${field}`).join(', ')})` };
  }
  const path = text.split('.');
  if (path.some((segment) => !PATH_SEGMENT.test(segment))) {
    return { ok: false, message: `'${text}' is not a field path (write keys joined by dots, like target.name)` };
  }
  return { ok: true, field: { scope: 'payload', path } };
}

export function fieldLabel(field: FieldRef): string {
  return field.scope === 'event' ? `@${field.name}` : field.path.join('.');
}

function eventFieldValue(event: MonitorEvent, name: EventFieldName): unknown {
  return name === 'connection' ? event.connectionId : event[name];
}

/**
 * The value a field names in an event, or undefined when it is absent. Own properties only, so a
 * payload key like `constructor` never reaches Object.prototype; digits index arrays only, as
 * SQLite's `$[n]` does.
 */
export function readField(event: MonitorEvent, field: FieldRef): unknown {
  if (field.scope === 'event') return eventFieldValue(event, field.name);
  return readPath(event.payload, field.path);
}

export function readPath(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value)) {
      if (!ARRAY_INDEX.test(segment)) return undefined;
      value = value[Number(segment)];
    } else if (typeof value === 'object' && value !== null) {
      if (ARRAY_INDEX.test(segment) || !Object.hasOwn(value, segment)) return undefined;
      value = (value as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

/** SQLite json_path for a payload path: keys quoted, digit segments as array indexes. */
export function jsonPath(path: readonly string[]): string {
  return `$${path.map((segment) => (ARRAY_INDEX.test(segment) ? `[${segment}]` : `."${segment}"`)).join('')}`;
}
