/**
 * Remembers the last `capacity` keys, so a double delivery (VoIPBin's two topic formats, the
 * overlap of a rotation) is stored once while memory stays bounded over days of traffic.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();
  /**
   * The same keys in arrival order, as a ring: the oldest is dropped by its slot. Taking it from
   * the front of the Set instead (`keys.values().next()`) walks past every entry deleted since the
   * table last compacted: measured ~17 µs per event at a 20,000-key window, a quarter of ingest.
   */
  private readonly order: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity: number) {
    this.order = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** True the first time a key is seen (within the window), false for a repeat. */
  admit(key: string): boolean {
    if (this.keys.has(key)) return false;
    const evicted = this.order[this.next];
    if (evicted !== undefined) this.keys.delete(evicted);
    this.order[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
    this.keys.add(key);
    return true;
  }
}
