import { stat } from 'node:fs/promises';
import type { EventLogFigures, EventPage, EventQuery } from '../api';

/** The event store's reads these figures need. */
export interface FigureSource {
  count(): number;
  query(query: EventQuery): EventPage;
}

/**
 * The log's size and span. Oldest and newest are the first and last events by seq: two indexed
 * one-row reads, where the exact extremes of receivedAt could differ only after a clock step.
 */
export async function readEventLogFigures(store: FigureSource, eventLogFile: string): Promise<EventLogFigures> {
  const events = store.count();
  const oldest = store.query({ afterSeq: 0, limit: 1 }).events[0];
  const newest = store.query({ limit: 1 }).events[0];
  const [main, wal] = await Promise.all([sizeOf(eventLogFile), sizeOf(`${eventLogFile}-wal`)]);
  return {
    events,
    oldestReceivedAt: oldest?.receivedAt ?? null,
    newestReceivedAt: newest?.receivedAt ?? null,
    bytesOnDisk: main + wal,
  };
}

/** 0 for a file that is not there (an in-memory log, a WAL already checkpointed away). */
async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
