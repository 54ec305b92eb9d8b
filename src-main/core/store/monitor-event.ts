import type { MonitorEvent } from '../api';

/**
 * Only the fields of a MonitorEvent, so extra keys (a file's, or the payload text the store
 * keeps for itself) travel no further. Field by field: this runs for every event.
 */
export function monitorEvent(fields: Omit<MonitorEvent, 'seq'>, seq: number): MonitorEvent {
  return {
    seq,
    connectionId: fields.connectionId,
    provider: fields.provider,
    receivedAt: fields.receivedAt,
    occurredAt: fields.occurredAt,
    topic: fields.topic,
    type: fields.type,
    callId: fields.callId,
    summary: fields.summary,
    raw: fields.raw,
    rawEncoding: fields.rawEncoding,
    payload: fields.payload,
    verified: fields.verified,
  };
}
