/**
 * Pending actions of the simulation ordered by due time (binary min-heap). Ties keep insertion
 * order so that a seed replays exactly, however the caller slices time.
 */
interface Entry {
  due: number;
  order: number;
  run: () => void;
}

export class Timeline {
  private readonly heap: Entry[] = [];
  private inserted = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(due: number, run: () => void): void {
    this.heap.push({ due, order: this.inserted++, run });
    this.siftUp(this.heap.length - 1);
  }

  /** The earliest action due at or before `time`, removed from the timeline. */
  takeDue(time: number): Entry | undefined {
    const top = this.heap[0];
    if (top === undefined || top.due > time) return undefined;
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.due < b.due || (a.due === b.due && a.order < b.order);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const childEntry = heap[child];
      const parentEntry = heap[parent];
      if (childEntry === undefined || parentEntry === undefined || !this.before(childEntry, parentEntry)) return;
      heap[child] = parentEntry;
      heap[parent] = childEntry;
      child = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      const leftEntry = heap[left];
      const rightEntry = heap[right];
      const smallestEntry = (): Entry | undefined => heap[smallest];
      if (leftEntry !== undefined && this.before(leftEntry, smallestEntry()!)) smallest = left;
      if (rightEntry !== undefined && this.before(rightEntry, smallestEntry()!)) smallest = right;
      if (smallest === parent) return;
      const parentEntry = heap[parent]!;
      heap[parent] = heap[smallest]!;
      heap[smallest] = parentEntry;
      parent = smallest;
    }
  }
}
