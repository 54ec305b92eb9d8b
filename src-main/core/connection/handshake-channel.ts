import type { RawFrame } from '../providers/frame';
import { TimeoutError } from './errors';

interface Reader {
  resolve: (frame: RawFrame) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Holds the frames that arrive before a socket is live. The handshake reads replies from it; what
 * it does not read is handed back to be delivered as ordinary frames, so nothing is lost.
 */
export class HandshakeChannel {
  private readonly queued: RawFrame[] = [];
  private readonly readers: Reader[] = [];
  private endError: Error | null = null;

  push(frame: RawFrame): void {
    const reader = this.readers.shift();
    if (!reader) {
      this.queued.push(frame);
      return;
    }
    clearTimeout(reader.timer);
    reader.resolve(frame);
  }

  next(timeoutMs: number): Promise<RawFrame> {
    const frame = this.queued.shift();
    if (frame) return Promise.resolve(frame);
    if (this.endError) return Promise.reject(this.endError);
    return new Promise((resolve, reject) => {
      const reader: Reader = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.readers.splice(this.readers.indexOf(reader), 1);
          reject(new TimeoutError('Waiting for a frame from the server', timeoutMs));
        }, timeoutMs),
      };
      this.readers.push(reader);
    });
  }

  /** No more frames will come through here: waiting readers get `error`; returns the unread frames. */
  end(error: Error): RawFrame[] {
    if (!this.endError) this.endError = error;
    for (const reader of this.readers.splice(0)) {
      clearTimeout(reader.timer);
      reader.reject(error);
    }
    return this.queued.splice(0);
  }
}
