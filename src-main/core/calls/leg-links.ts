/** Legs of one conversation rarely exceed a handful; the bound keeps a hostile link chain cheap. */
const MAX_LEGS = 64;

/**
 * Which call legs belong together, as the providers link them (master, entry point, parent,
 * chained ids). Links are kept per key, in both directions, whether or not both legs were seen:
 * a leg's events may be in the store even if it never reached the board.
 */
export class LegLinks {
  private readonly neighbours = new Map<string, Set<string>>();

  /** Links a to b; returns false when they were already linked. */
  link(a: string, b: string): boolean {
    if (a === b) return false;
    const ofA = this.neighboursOf(a);
    if (ofA.has(b)) return false;
    ofA.add(b);
    this.neighboursOf(b).add(a);
    return true;
  }

  /** Every key reachable from `key`, itself first. */
  legs(key: string): string[] {
    const seen = [key];
    const known = new Set(seen);
    for (let index = 0; index < seen.length && seen.length < MAX_LEGS; index++) {
      for (const next of this.neighbours.get(seen[index]!) ?? []) {
        if (known.has(next)) continue;
        known.add(next);
        seen.push(next);
      }
    }
    return seen;
  }

  /** Drops the whole group of `key` once none of its legs is still wanted. */
  forgetUnless(key: string, wanted: (leg: string) => boolean): void {
    const group = this.legs(key);
    if (group.some(wanted)) return;
    for (const leg of group) this.neighbours.delete(leg);
  }

  private neighboursOf(key: string): Set<string> {
    let set = this.neighbours.get(key);
    if (set === undefined) {
      set = new Set();
      this.neighbours.set(key, set);
    }
    return set;
  }
}
