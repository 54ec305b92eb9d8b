import type { MonitorEvent, ProviderId } from '../api';
import { withQuotedIntegers } from '../providers/quoted-integers';
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

/**
 * Parameters for an events row, in INSERT_EVENT_COLUMNS order: plain values, cheap to post to the writer
 * thread. One exception, resolved by bindableRow() where the row is inserted: at PAYLOAD_PARAM a
 * number[] stands for the raw text (RAW_PARAM) with the integers at those offsets quoted
 * (withQuotedIntegers; [] for the raw text as it is), so a frame's text crosses to the writer once.
 */
export type RowParams = (string | number | null | readonly number[])[];

const RAW_PARAM = 8;
const PAYLOAD_PARAM = 10;
const RAW_AS_IS: readonly number[] = Object.freeze([]);

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
    payloadParam(event),
    event.verified === null ? null : event.verified ? 1 : 0,
  ];
}

function payloadParam(event: NewEvent): string | readonly number[] | null {
  if (event.payload === null || event.payload === undefined) return null;
  const json = event.payloadJson;
  if (json === undefined) return JSON.stringify(event.payload);
  const quoted = event.payloadQuotedIntegers ?? RAW_AS_IS;
  if (json === event.raw) return quoted;
  return withQuotedIntegers(json, quoted);
}

/** The row as SQLite binds it: the payload text built where it was left to the writer (see RowParams). */
export function bindableRow(row: RowParams): (string | number | null)[] {
  const payload = row[PAYLOAD_PARAM];
  if (typeof payload !== 'object' || payload === null) return row as (string | number | null)[];
  const bindable = row.slice() as (string | number | null)[];
  bindable[PAYLOAD_PARAM] = withQuotedIntegers(row[RAW_PARAM] as string, payload);
  return bindable;
}

/** The columns RowParams fills, in its order. */
export const INSERT_EVENT_COLUMNS =
  'connection_id, provider, received_at, occurred_at, topic, type, call_id, summary, raw, raw_encoding, payload, verified';

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
