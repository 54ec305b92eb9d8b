import { parseArgs } from 'node:util';

export const RECORD_USAGE = `usage: switchboard record --profile <file.json> [--out events.ndjson] [--duration 60s|5m|1h]
                         [--filter <type prefix or text>] [--allow-secrets-in-file]`;

export interface RecordArgs {
  profileFile: string;
  /** Null: standard output. */
  out: string | null;
  durationMs: number | null;
  filter: string | null;
  allowSecretsInFile: boolean;
}

export class UsageError extends Error {}

export function parseRecordArgs(argv: string[]): RecordArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string' },
        out: { type: 'string' },
        duration: { type: 'string' },
        filter: { type: 'string' },
        'allow-secrets-in-file': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.profile === undefined || values.profile === '') throw new UsageError('--profile <file.json> is required');
  if (values.filter === '') throw new UsageError('--filter needs a type prefix or a text');
  return {
    profileFile: values.profile,
    out: values.out === undefined || values.out === '-' ? null : values.out,
    durationMs: values.duration === undefined ? null : parseDuration(values.duration),
    filter: values.filter ?? null,
    allowSecretsInFile: values['allow-secrets-in-file'] ?? false,
  };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `90`, `90s`, `5m`, `1.5h`, `500ms`; a bare number is seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const amount = Number(match?.[1]);
  const unit = UNIT_MS[match?.[2] ?? 's'];
  if (match === null || unit === undefined || !(amount > 0)) throw new UsageError(`--duration must look like 60s, 5m or 1h, not "${text}"`);
  return Math.round(amount * unit);
}
