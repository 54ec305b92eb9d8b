/**
 * The events retention has not deleted: those from `keptFromSeq` on. `events` must be in ascending
 * seq order. When none is below, the same array comes back, so state holding it is left untouched.
 */
export function withoutDeleted<T extends { seq: number }>(events: T[], keptFromSeq: number): T[] {
  if (events.length === 0 || events[0]!.seq >= keptFromSeq) return events;
  const firstKept = events.findIndex((event) => event.seq >= keptFromSeq);
  return firstKept === -1 ? [] : events.slice(firstKept);
}
