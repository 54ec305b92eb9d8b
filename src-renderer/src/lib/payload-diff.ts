import { diff, type ArrayDelta, type Delta } from 'jsondiffpatch';
import type { PathSegment } from './json-path';

export type PayloadChange =
  | { kind: 'added'; path: PathSegment[]; after: unknown }
  | { kind: 'removed'; path: PathSegment[]; before: unknown }
  | { kind: 'changed'; path: PathSegment[]; before: unknown; after: unknown }
  | { kind: 'moved'; path: PathSegment[]; to: number };

/**
 * Every leaf difference between two payloads, as paths: what an engineer reads to see how the
 * provider's view of a call moved from one event to the next. Array items are matched by
 * position (providers send lists in a stable order); removed items carry their old index.
 */
export function diffPayloads(before: unknown, after: unknown): PayloadChange[] {
  const changes: PayloadChange[] = [];
  collect(diff(before, after), [], changes);
  return changes;
}

function collect(delta: Delta, path: PathSegment[], changes: PayloadChange[]): void {
  if (delta === undefined) return;
  if (Array.isArray(delta)) {
    collectLeaf(delta, path, changes);
    return;
  }
  if (delta._t === 'a') {
    for (const [key, child] of Object.entries(delta as ArrayDelta)) {
      if (key === '_t') continue;
      const removedIndex = key.startsWith('_');
      collect(child as Delta, [...path, Number(removedIndex ? key.slice(1) : key)], changes);
    }
    return;
  }
  for (const [key, child] of Object.entries(delta)) collect(child, [...path, key], changes);
}

/*
 * Leaf deltas, as jsondiffpatch documents them (its type guards are not exported):
 * [new] added, [old, new] changed, [old, 0, 0] removed, ['', toIndex, 3] moved. No text delta
 * [diff, 0, 2]: without a text-diff engine configured, strings are replaced whole.
 */
function collectLeaf(delta: readonly unknown[], path: PathSegment[], changes: PayloadChange[]): void {
  if (delta.length === 1) changes.push({ kind: 'added', path, after: delta[0] });
  else if (delta.length === 2) changes.push({ kind: 'changed', path, before: delta[0], after: delta[1] });
  else if (delta[2] === 0) changes.push({ kind: 'removed', path, before: delta[0] });
  else if (delta[2] === 3) changes.push({ kind: 'moved', path, to: Number(delta[1]) });
}
