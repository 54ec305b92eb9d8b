import { WebSocket } from 'ws';
import type { FaultState, ProviderCounters, SimProvider } from './faults';

/** Beyond this much unsent data a socket is a slow consumer and loses frames (no replay). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Frames held back by a delay fault; beyond this they are dropped to keep memory bounded. */
const MAX_DELAYED_FRAMES = 200_000;

/**
 * Every frame a provider server sends to one socket goes through here, so the fault switches
 * (half-open, delay) and the counters apply the same way to every protocol.
 */
export class Outbox {
  private readonly delayed: { due: number; data: string }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: WebSocket,
    private readonly provider: SimProvider,
    private readonly faults: FaultState,
    private readonly counters: ProviderCounters,
  ) {
    socket.once('close', () => this.stopTimer());
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(data: string): void {
    if (!this.isOpen || this.faults.isHalfOpen(this.provider)) return;
    const delay = this.faults.frameDelay(this.provider);
    if (delay <= 0 && this.delayed.length === 0) {
      this.write(data);
      return;
    }
    if (this.delayed.length >= MAX_DELAYED_FRAMES) {
      this.counters.framesDropped++;
      return;
    }
    this.delayed.push({ due: Date.now() + delay, data });
    this.armTimer();
  }

  /** Frames that are not events (protocol replies, fault frames) skip the counters and the delay. */
  sendUncounted(data: Buffer, binary: boolean): void {
    if (this.isOpen) this.socket.send(data, { binary });
  }

  private write(data: string): void {
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.counters.framesDropped++;
      return;
    }
    this.socket.send(data);
    this.counters.framesSent++;
  }

  private armTimer(): void {
    if (this.timer !== null) return;
    const first = this.delayed[0];
    if (first === undefined) return;
    this.timer = setTimeout(() => this.flushDue(), Math.max(0, first.due - Date.now()));
  }

  private flushDue(): void {
    this.timer = null;
    const now = Date.now();
    let sent = 0;
    for (const frame of this.delayed) {
      if (frame.due > now) break;
      if (this.isOpen && !this.faults.isHalfOpen(this.provider)) this.write(frame.data);
      sent++;
    }
    this.delayed.splice(0, sent);
    if (this.isOpen) this.armTimer();
    else this.delayed.length = 0;
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.delayed.length = 0;
  }
}
