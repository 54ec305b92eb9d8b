import { Worker } from 'node:worker_threads';
import type { RowParams } from './row';
import type { RetentionPolicy } from './types';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-protocol';

/** A request before it is numbered (Omit on each member of the union, not on the union). */
type WithoutId<Request> = Request extends unknown ? Omit<Request, 'id'> : never;
type Job = WithoutId<WriterRequest>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The store's side of its writer thread (writer.worker.ts). Requests are answered in the order
 * they were sent, so appends commit in order. The thread keeps the process alive only while a
 * request is outstanding: a store nobody closed cannot hang an exiting process, and one with a
 * write in flight cannot lose it to an early exit.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(script: string, data: WriterThreadData) {
    this.worker = new Worker(script, { workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(`the store's writer thread failed: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`the store's writer thread stopped (exit code ${code})`));
  }

  append(rows: RowParams[]): Promise<number[]> {
    return this.request({ op: 'append', rows }) as Promise<number[]>;
  }

  catchUpSearch(): Promise<void> {
    return this.request({ op: 'catchUpSearch' }) as Promise<void>;
  }

  applyRetention(policy: RetentionPolicy, now: number): Promise<number> {
    return this.request({ op: 'applyRetention', policy, now }) as Promise<number>;
  }

  /** After every request sent before it; the thread closes its connection and ends. */
  close(): Promise<void> {
    this.closing ??= this.failure
      ? Promise.resolve()
      : (this.request({ op: 'close' }) as Promise<unknown>).then(
          () => undefined,
          () => undefined,
        );
    return this.closing;
  }

  private request(job: Job): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) this.worker.ref();
    this.worker.postMessage({ ...job, id } as WriterRequest);
    return reply;
  }

  private settle(reply: WriterReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(Object.assign(new Error(reply.message), { code: reply.code }));
  }

  private fail(reason: string): void {
    // A normal end after close() is not a failure of any request: all were answered.
    this.failure ??= new Error(reason);
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
    this.worker.unref();
  }
}
