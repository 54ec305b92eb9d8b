/**
 * The event j/k (↓/↑) moves to in a list ordered oldest to newest. With nothing selected, or the
 * selection scrolled out of the list, both start at the newest event: where a live tail looks.
 */
export function stepSelection<T extends { seq: number }>(events: readonly T[], selectedSeq: number | null, step: 1 | -1): T | null {
  if (events.length === 0) return null;
  const index = selectedSeq === null ? -1 : events.findIndex((event) => event.seq === selectedSeq);
  if (index === -1) return events.at(-1) ?? null;
  return events[Math.min(events.length - 1, Math.max(0, index + step))] ?? null;
}
