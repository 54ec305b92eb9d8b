import { readPath } from '../../../src-main/core/filter';
import type { MonitorEvent } from './api';

const MAX_CELL = 80;

/** A payload field for a pinned list column: scalars as they are, objects as short JSON, absent as empty. */
export function pinnedValue(event: MonitorEvent, path: string): string {
  const value = readPath(event.payload, path.split('.'));
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/** Dotted paths of an event's payload down to two levels, offered as columns to pin. */
export function payloadPaths(payload: unknown): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, prefix: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (typeof child === 'object' && child !== null && !Array.isArray(child) && depth < 1) walk(child, path, depth + 1);
      else paths.push(path);
    }
  };
  walk(payload, '', 0);
  return paths;
}
