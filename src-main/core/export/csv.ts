import { stringify } from 'csv-stringify/sync';

// csv-stringify quotes on the record delimiter (CRLF) only: a lone CR or LF must be quoted too.
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/**
 * One record, RFC 4180 (csv-stringify): a field holding a comma, quote, CR or LF is quoted with
 * quotes doubled; CRLF-terminated. One call per record keeps the export streaming.
 */
export function csvRecord(fields: readonly string[]): string {
  return stringify([fields], CSV_OPTIONS);
}

/** One field as it appears inside a record. */
export function csvField(value: string): string {
  return csvRecord([value]).slice(0, -2);
}
