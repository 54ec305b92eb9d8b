import type { EventPage, EventQuery, LogTrimmed } from '../api';

/** The event store's reads the floor needs. */
export interface FloorSource {
  lastSeq(): number;
  query(query: EventQuery): EventPage;
}

/**
 * Where the log starts after a retention pass: every event below `keptFromSeq` is deleted. The
 * last assigned seq is read first: an event stored between the two reads gets a higher seq, so
 * when the log reads as empty, nothing stored can be below the bound.
 */
export function readLogFloor(store: FloorSource): LogTrimmed {
  const lastAssigned = store.lastSeq();
  const oldest = store.query({ afterSeq: 0, limit: 1 }).events[0];
  return { keptFromSeq: oldest?.seq ?? lastAssigned + 1 };
}
