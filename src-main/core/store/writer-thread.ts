import { Worker } from 'node:worker_threads';
import type { RowParams } from './row';
import type { RetentionPolicy } from './types';
import type { DatabaseLocation } from './database';
import type { WriterReply, WriterRequest } from './writer-protocol';

/** A request before it is numbered (Omit on each member of the union, not on the union). */
type WithoutId<Request> = Request extends unknown ? Omit<Request, 'id'> : never;
type Job = WithoutId<WriterRequest>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The store's side of its writer thread (writer.worker.ts), and of the checkpointer thread beside
 * it (checkpointer.ts). Requests are answered in the order they were sent, so appends commit in
 * order. The writer keeps the process alive only while a request is outstanding: a store nobody
 * closed cannot hang an exiting process, and one with a write in flight cannot lose it to an early
 * exit. The checkpointer never keeps it alive.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly checkpointer: Worker;
  private readonly checkpointerExited: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing: Promise<void> | null = null;

  /** `log` hears of a failed checkpointer: nothing is lost, the writer then checkpoints as it appends. */
  constructor(script: string, location: DatabaseLocation, log: (line: string) => void) {
    this.worker = new Worker(script, { workerData: { ...location, role: 'writer' } });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(`the store's writer thread failed: ${error.message}`));
    this.worker.on('exit', (code) => this.fail(`the store's writer thread stopped (exit code ${code})`));
    this.checkpointer = new Worker(script, { workerData: { ...location, role: 'checkpointer' } });
    this.checkpointer.unref();
    const checkpointerFailed = (reason: string): void =>
      log(`Switchboard: the event log's checkpoint thread stopped (${reason}); the writer checkpoints instead.`);
    this.checkpointer.on('message', (message: { failed: string }) => checkpointerFailed(message.failed));
    this.checkpointer.on('error', (error) => checkpointerFailed(error.message));
    this.checkpointerExited = new Promise((resolve) => this.checkpointer.once('exit', () => resolve()));
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

  /** After every request sent before it; both threads close their connections and end. */
  close(): Promise<void> {
    this.closing ??= this.closeBoth();
    return this.closing;
  }

  private async closeBoth(): Promise<void> {
    this.checkpointer.postMessage('close');
    const writerClosed = this.failure ? Promise.resolve() : this.request({ op: 'close' }).catch(() => undefined);
    await Promise.all([writerClosed, this.checkpointerExited]);
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
