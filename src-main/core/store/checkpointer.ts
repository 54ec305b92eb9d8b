import type { MessagePort } from 'node:worker_threads';
import { openDatabase, type DatabaseLocation } from './database';

/**
 * A second of appends per checkpoint (~90 MB of log at 50,000 events/s, under the writer's own
 * ~160 MB threshold). Every 250 ms, the index pages that each commit rewrites were copied four
 * times as often, with four times the fsyncs: the thread's CPU per event halved at 1 s.
 */
const CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Copies committed pages from the write-ahead log into the database file, on a thread and a
 * connection of its own. Left to the writer, each checkpoint (~160 MB of pages and an fsync)
 * stalled appends for as long as it took: measured, a sixth of the throughput of a long burst.
 * A PASSIVE checkpoint takes no lock a writer needs, so appends go on meanwhile; the writer's own
 * automatic checkpoint is left in place to restart the log file once it has been copied.
 * A failure here costs no data: it stops these checkpoints, and the writer's take over.
 */
export function runCheckpoints(location: DatabaseLocation, port: MessagePort): void {
  const db = openDatabase(location);
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      clearInterval(timer);
      port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    }
  }, CHECKPOINT_INTERVAL_MS);
  port.on('message', () => {
    clearInterval(timer);
    db.close();
    port.close();
  });
}
