import { createHash } from 'node:crypto';
import type { RawFrame } from '../providers/frame';

interface Sighting {
  key: string;
  socketId: number;
  at: number;
  matched: boolean;
}

/**
 * Drops the second copy of a frame when two sockets of the same connection deliver it during a
 * rotation overlap. A copy is only ever matched against a frame from ANOTHER socket, one to one:
 * repeats on the same socket are the provider's own duplicates and are left to its decoder.
 */
export class OverlapDedupe {
  private readonly unmatched = new Map<string, Sighting[]>();
  private readonly arrivals: Sighting[] = [];
  private activeUntil = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number) {}

  /** Start recording: a second socket is about to deliver the same stream. */
  begin(): void {
    this.activeUntil = Number.POSITIVE_INFINITY;
  }

  /** Only one socket is left; its late copies can still arrive for one more window. */
  endAfterWindow(now: number = Date.now()): void {
    this.activeUntil = now + this.windowMs;
  }

  reset(): void {
    this.unmatched.clear();
    this.arrivals.length = 0;
    this.activeUntil = Number.NEGATIVE_INFINITY;
  }

  /** True when the frame should be delivered, false when it is another socket's copy. */
  admit(socketId: number, frame: RawFrame): boolean {
    if (frame.receivedAt > this.activeUntil) {
      if (this.arrivals.length > 0) this.reset();
      return true;
    }
    this.forgetBefore(frame.receivedAt - this.windowMs);
    const key = fingerprint(frame);
    const candidates = this.unmatched.get(key) ?? [];
    const twinIndex = candidates.findIndex((sighting) => sighting.socketId !== socketId);
    const twin = candidates[twinIndex];
    if (twin) {
      twin.matched = true;
      this.removeUnmatched(twin);
      return false;
    }
    const sighting: Sighting = { key, socketId, at: frame.receivedAt, matched: false };
    candidates.push(sighting);
    this.unmatched.set(key, candidates);
    this.arrivals.push(sighting);
    return true;
  }

  private forgetBefore(cutoff: number): void {
    while (this.arrivals.length > 0 && this.arrivals[0]!.at < cutoff) {
      const oldest = this.arrivals.shift()!;
      if (!oldest.matched) this.removeUnmatched(oldest);
    }
  }

  private removeUnmatched(sighting: Sighting): void {
    const list = this.unmatched.get(sighting.key);
    if (!list) return;
    const index = list.indexOf(sighting);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.unmatched.delete(sighting.key);
  }
}

function fingerprint(frame: RawFrame): string {
  const digest = createHash('sha1').update(frame.data).digest('base64');
  return `${frame.isBinary ? 'b' : 't'}${frame.data.length}:${digest}`;
}
