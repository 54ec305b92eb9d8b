import type { MonitorEvent, ProviderId } from '../api';
import { quotedSpans, withQuotedIntegers, withoutQuotes } from '../providers/quoted-integers';
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
  raw_from_payload: string | null;
}

export const EVENT_COLUMNS =
  'e.seq, e.connection_id, e.provider, e.received_at, e.occurred_at, e.topic, e.type, e.call_id, e.summary, e.raw, e.raw_encoding, e.payload, e.verified, e.raw_from_payload';

/**
 * Parameters for an events row, in the order of INSERT_EVENT_COLUMNS but its last: plain values,
 * cheap to post to the writer thread. One exception, resolved by pushBindableRow() where the row is
 * inserted: at PAYLOAD_PARAM a number[] says that the payload text is the frame (RAW_PARAM) with
 * the integers at those offsets quoted (withQuotedIntegers; [] for the frame as it is). The frame's
 * text then crosses to the writer once, and is stored once (see `raw_from_payload` in schema.ts).
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

/**
 * Appends the row to `params` as SQLite binds it, in INSERT_EVENT_COLUMNS order. Where the payload
 * text is the frame with some integers quoted (see RowParams), only the payload text is stored:
 * `raw` is left empty and `raw_from_payload` says where the quotes to take out are.
 */
export function pushBindableRow(params: (string | number | null)[], row: RowParams): void {
  const start = params.length;
  for (const value of row) params.push(value as string | number | null);
  const payload = row[PAYLOAD_PARAM];
  if (typeof payload !== 'object' || payload === null) {
    params.push(null);
    return;
  }
  params[start + PAYLOAD_PARAM] = withQuotedIntegers(row[RAW_PARAM] as string, payload);
  params[start + RAW_PARAM] = '';
  params.push(quotedSpans(payload).join(','));
}

/** The columns pushBindableRow fills, in its order. */
export const INSERT_EVENT_COLUMNS =
  'connection_id, provider, received_at, occurred_at, topic, type, call_id, summary, raw, raw_encoding, payload, verified, raw_from_payload';

/** The frame a row stores: its `raw`, or its payload text with the quotes `raw_from_payload` lists taken out. */
export function frameText(raw: string, payload: string | null, rawFromPayload: string | null): string {
  if (rawFromPayload === null || payload === null) return raw;
  return rawFromPayload === '' ? payload : withoutQuotes(payload, rawFromPayload.split(',').map(Number));
}

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
    raw: frameText(row.raw, row.payload, row.raw_from_payload),
    rawEncoding: row.raw_encoding === 'base64' ? 'base64' : 'text',
    payload: row.payload === null ? null : JSON.parse(row.payload),
    verified: row.verified === null ? null : row.verified === 1,
  };
}
