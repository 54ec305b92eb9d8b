import type Database from 'better-sqlite3';
import { regexMatches } from '../filter/evaluate';
import { SQL_FUNCTIONS } from '../filter/to-sql';
import { matchesText } from '../filter/text-match';
import { frameText } from './row';

/**
 * The filter language's regex and free-text tests, as SQL functions on this connection: the
 * same code the live evaluator runs, so history and the live tail agree on every match.
 */
export function registerFilterFunctions(db: Database.Database): void {
  db.function(SQL_FUNCTIONS.regexp, { deterministic: true }, (source: unknown, flags: unknown, value: unknown) =>
    typeof source === 'string' && typeof flags === 'string' && regexMatches(source, flags, value) ? 1 : 0,
  );
  db.function(SQL_FUNCTIONS.frameText, { deterministic: true }, (raw: unknown, payload: unknown, rawFromPayload: unknown) =>
    typeof raw === 'string' ? frameText(raw, typeof payload === 'string' ? payload : null, typeof rawFromPayload === 'string' ? rawFromPayload : null) : null,
  );
  db.function(SQL_FUNCTIONS.text, { deterministic: true }, (summary: unknown, rawText: unknown, word: unknown) =>
    typeof summary === 'string' && typeof word === 'string' && matchesText(summary, typeof rawText === 'string' ? rawText : null, word) ? 1 : 0,
  );
}
