import type { MonitorEvent } from '../../../src-main/core/api';

/**
 * Events per type among the newest `capacity` received, per topic, for the type chips. Kept up to
 * date event by event as the tail moves, so adding a batch costs the batch, not the window.
 */
export class TypeCounts {
  private readonly byTopic = new Map<string, Map<string, number>>();
  /** The counted window, oldest first from `head`; the slots before it are dropped in bulk. */
  private window: MonitorEvent[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  add(events: readonly MonitorEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) {
      this.window.push(event);
      this.bump(event, 1);
    }
    while (this.window.length - this.head > this.capacity) this.bump(this.window[this.head++]!, -1);
    this.compact();
  }

  /** Stops counting the events retention deleted: those below `keptFromSeq`, the oldest of the window. */
  dropDeleted(keptFromSeq: number): void {
    while (this.head < this.window.length && this.window[this.head]!.seq < keptFromSeq) this.bump(this.window[this.head++]!, -1);
    this.compact();
  }

  /** [type, count] for one topic or (null) all of them, the most frequent first. */
  counts(topic: string | null): [string, number][] {
    const totals = new Map<string, number>();
    const sources = topic === null ? [...this.byTopic.values()] : [this.byTopic.get(topic) ?? new Map<string, number>()];
    for (const source of sources) for (const [type, count] of source) totals.set(type, (totals.get(type) ?? 0) + count);
    return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  private compact(): void {
    if (this.head < this.capacity) return;
    this.window = this.window.slice(this.head);
    this.head = 0;
  }

  private bump(event: MonitorEvent, by: 1 | -1): void {
    const types = this.byTopic.get(event.topic) ?? new Map<string, number>();
    this.byTopic.set(event.topic, types);
    const count = (types.get(event.type) ?? 0) + by;
    if (count === 0) types.delete(event.type);
    else types.set(event.type, count);
  }
}
