import { api } from './api';

export type FloorListener = (keptFromSeq: number) => void;

/**
 * Where the event log starts: retention has deleted every event with a lower seq. The core pushes
 * it after each pass that deleted something. Whatever the window holds drops the events below it,
 * and the answer to a request sent before the pass must not bring them back.
 */
class LogFloor {
  /** 0 until a pass deletes something while the window is open: what it loaded before came from the store. */
  keptFromSeq = $state(0);
  private readonly listeners = new Set<FloorListener>();
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    api.on('logTrimmed', ({ keptFromSeq }) => this.raise(keptFromSeq));
  }

  /** Calls `listener` every time the floor rises; returns the unsubscribe. */
  onRaise(listener: FloorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isDeleted(seq: number): boolean {
    return seq < this.keptFromSeq;
  }

  private raise(keptFromSeq: number): void {
    // Seqs are never handed out twice, so the start of the log only moves forward.
    if (keptFromSeq <= this.keptFromSeq) return;
    this.keptFromSeq = keptFromSeq;
    for (const listener of this.listeners) listener(keptFromSeq);
  }
}

/** One per window, like the feed: every view and the inspector read the same floor. */
export const logFloor = new LogFloor();
