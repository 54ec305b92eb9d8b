import type { MonitorEvent, ProviderId } from '../api';
import type { NewEvent } from './types';

/** An events row as better-sqlite3 returns it. */
export interface EventRow {
  seq: number;
  connection_id: string;
  provider: string;
  received_at: number;
  occurred_at: number | null;
  topic: string;
  type: string;
  call_id: string | null;
  summary: string;
  raw: string;
  raw_encoding: string;
  payload: string | null;
  verified: number | null;
}

export const EVENT_COLUMNS =
  'e.seq, e.connection_id, e.provider, e.received_at, e.occurred_at, e.topic, e.type, e.call_id, e.summary, e.raw, e.raw_encoding, e.payload, e.verified';

/** Parameters for INSERT_EVENT_SQL, in column order: plain values, cheap to post to the writer thread. */
export type RowParams = (string | number | null)[];

export function toRowParams(event: NewEvent): RowParams {
  return [
    event.connectionId,
    event.provider,
    event.receivedAt,
    event.occurredAt,
    event.topic,
    event.type,
    event.callId,
    event.summary,
    event.raw,
    event.rawEncoding,
    event.payload === null || event.payload === undefined ? null : (event.payloadJson ?? JSON.stringify(event.payload)),
    event.verified === null ? null : event.verified ? 1 : 0,
  ];
}

export const INSERT_EVENT_SQL = `INSERT INTO events
  (connection_id, provider, received_at, occurred_at, topic, type, call_id, summary, raw, raw_encoding, payload, verified)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function fromRow(row: EventRow): MonitorEvent {
  return {
    seq: row.seq,
    connectionId: row.connection_id,
    provider: row.provider as ProviderId,
    receivedAt: row.received_at,
    occurredAt: row.occurred_at,
    topic: row.topic,
    type: row.type,
    callId: row.call_id,
    summary: row.summary,
    raw: row.raw,
    rawEncoding: row.raw_encoding === 'base64' ? 'base64' : 'text',
    payload: row.payload === null ? null : JSON.parse(row.payload),
    verified: row.verified === null ? null : row.verified === 1,
  };
}
