import type { MonitorEvent } from '../api';

/** An event before the store has given it a seq; `payloadJson` and `payloadQuotedIntegers` as in DecodedEvent. */
export type NewEvent = Omit<MonitorEvent, 'seq'> & { payloadJson?: string; payloadQuotedIntegers?: readonly number[] };

/**
 * How much history to keep. A limit that is null, missing, not finite or below 1 means "no limit",
 * so a half-filled settings form can never wipe the log.
 */
export interface RetentionPolicy {
  maxEvents?: number | null;
  maxAgeMs?: number | null;
}
