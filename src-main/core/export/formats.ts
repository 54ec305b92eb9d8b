import type { MonitorEvent } from '../api';
import { csvRecord } from './csv';

export type ExportFormat = 'ndjson' | 'json' | 'csv';

/** How one format frames a stream of events: text before, per event, and after. */
export interface FormatWriter {
  header(): string;
  event(event: MonitorEvent, index: number): string;
  footer(count: number): string;
}

const ndjson: FormatWriter = {
  header: () => '',
  event: (event) => `${JSON.stringify(event)}\n`,
  footer: () => '',
};

/** One event per line inside the array: readable, and still written one event at a time. */
const json: FormatWriter = {
  header: () => '[',
  event: (event, index) => `${index === 0 ? '\n' : ',\n'}  ${JSON.stringify(event)}`,
  footer: (count) => (count === 0 ? ']\n' : '\n]\n'),
};

export const CSV_COLUMNS = ['seq', 'receivedAt', 'provider', 'connection', 'topic', 'type', 'callId', 'summary', 'payload'];

const csv: FormatWriter = {
  header: () => csvRecord(CSV_COLUMNS),
  event: (event) =>
    csvRecord([
      String(event.seq),
      new Date(event.receivedAt).toISOString(),
      event.provider,
      event.connectionId,
      event.topic,
      event.type,
      event.callId ?? '',
      event.summary,
      event.payload === null ? '' : JSON.stringify(event.payload),
    ]),
  footer: () => '',
};

export const FORMAT_WRITERS: Record<ExportFormat, FormatWriter> = { ndjson, json, csv };
