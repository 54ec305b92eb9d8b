import { api, type MonitorEvent } from './api';

/** Enough for a long call with transfers and recordings; the rest stays one filter away. */
export const SAME_CALL_LIMIT = 200;

/** The events of one call, newest first. */
export async function loadSameCall(callId: string): Promise<{ events: MonitorEvent[]; hasMore: boolean }> {
  const page = await api.queryEvents({ limit: SAME_CALL_LIMIT, filter: { callId } });
  return { events: page.events.toReversed(), hasMore: page.hasMoreBefore };
}

/** The event of the same call stored just before this one, or null for the first. */
export async function loadPreviousOfCall(event: MonitorEvent): Promise<MonitorEvent | null> {
  if (event.callId === null) return null;
  const page = await api.queryEvents({ beforeSeq: event.seq, limit: 1, filter: { callId: event.callId } });
  return page.events.at(-1) ?? null;
}
