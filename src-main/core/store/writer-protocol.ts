import type { DatabaseLocation } from './database';
import type { RowParams } from './row';
import type { RetentionPolicy } from './types';

/** What the store asks its writer thread to do; each request is answered once, in order. */
export type WriterRequest =
  | { id: number; op: 'append'; rows: RowParams[] }
  | { id: number; op: 'catchUpSearch' }
  | { id: number; op: 'applyRetention'; policy: RetentionPolicy; now: number }
  | { id: number; op: 'close' };

export type WriterReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; code: string | null };

/** The writer (requests above), or the checkpointer that runs beside it (checkpointer.ts). */
export interface WriterThreadData extends DatabaseLocation {
  role: 'writer' | 'checkpointer';
}
