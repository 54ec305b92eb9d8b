/**
 * Remembers the last `capacity` keys, so a double delivery (VoIPBin's two topic formats, the
 * overlap of a rotation) is stored once while memory stays bounded over days of traffic.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time a key is seen (within the window), false for a repeat. */
  admit(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value as string;
      this.keys.delete(oldest);
    }
    return true;
  }
}
