import type { EventFilter } from '../api';
import type { EventStore } from '../store/event-store';
import { AtomicFile } from './atomic-file';
import { FORMAT_WRITERS, type ExportFormat } from './formats';

export type { ExportFormat } from './formats';

export interface ExportProgress {
  written: number;
  total: number;
}

export interface ExportOptions {
  store: EventStore;
  filter?: EventFilter;
  /** Export exactly these events (a selection in the UI) instead of everything matching. */
  seqs?: number[];
  format: ExportFormat;
  file: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** Events between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 1000;

/** Text gathered before each write: fewer, larger writes than one per event. */
const WRITE_CHUNK_CHARS = 64 * 1024;

/**
 * Streams matching events from the store to a file in the given format. Memory stays bounded by
 * one store chunk plus one write chunk; the file appears only when complete. On abort or error
 * the temp file is removed and the promise rejects (with `signal.reason` on abort).
 */
export async function exportEvents(options: ExportOptions): Promise<{ written: number; file: string }> {
  const { store, filter, seqs, signal, onProgress } = options;
  const format = FORMAT_WRITERS[options.format];
  signal?.throwIfAborted();
  await store.whenSearchable(filter);
  const events = store.iterate(filter, seqs ? { seqs } : {});
  // The total is taken after the iterator fixed its end, so later appends cannot outgrow it
  // (retention during the export can still make it shrink: the last report is always exact).
  const total = seqs ? new Set(seqs).size : store.countMatching(filter);
  const output = await AtomicFile.create(options.file);
  let written = 0;
  try {
    let pending = format.header();
    for (const event of events) {
      pending += format.event(event, written);
      written++;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        signal?.throwIfAborted();
        await output.write(pending);
        pending = '';
      }
      if (written % PROGRESS_EVERY === 0) onProgress?.({ written, total: Math.max(total, written) });
    }
    pending += format.footer(written);
    signal?.throwIfAborted();
    await output.write(pending);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error;
  }
  onProgress?.({ written, total: written });
  return { written, file: options.file };
}
