import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ConnectionStatus, MonitorEvent, ProviderProfile } from '../core/api';
import { formatDuration } from '../core/connection/describe';
import { toMonitorEvent } from '../core/export/event-shape';
import { LiveSource } from '../core/pipeline/live-source';
import { ProfileValidationError } from '../core/profiles/field-checks';
import { parseProfile } from '../core/profiles/validate';
import { DialpadTokenManagers } from '../core/providers/dialpad-oauth';
import { adapterFor } from '../core/providers/registry';
import { EventStore } from '../core/store/event-store';
import { parseRecordArgs, RECORD_USAGE, UsageError, type RecordArgs } from './record-args';
import { recorderSecretStore, secretOverrides } from './record-secrets';

/** Exit codes, documented in the README (Headless recorder). */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3 } as const;

/**
 * Events wait in an in-memory SQLite store (the app's own pipeline: dedupe, seq, lifecycle
 * entries) only until they are written out; retention keeps it this small on a run of days.
 */
const KEPT_IN_MEMORY = 10_000;
/** Id under which a profile file without an `id` runs; it reads no keychain entry. */
const ANONYMOUS_PROFILE_ID = 'record';

interface LoadedProfile {
  profile: ProviderProfile;
  /** The file's own id: keychain entries are looked up under it. Null when the file has none. */
  keychainId: string | null;
  fileSecrets: Record<string, unknown> | null;
}

/** `switchboard record`: one profile's events as NDJSON until SIGINT/SIGTERM or --duration. */
export async function runRecord(argv: string[]): Promise<number> {
  const log = (line: string): void => void process.stderr.write(`switchboard record: ${line}\n`);
  let args: RecordArgs;
  let loaded: LoadedProfile;
  try {
    args = parseRecordArgs(argv);
    loaded = await loadProfileFile(args, log);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(error.message);
    process.stderr.write(`${RECORD_USAGE}\n`);
    return EXIT.usage;
  }
  return record(args, loaded, log);
}

async function loadProfileFile(args: RecordArgs, log: (line: string) => void): Promise<LoadedProfile> {
  let text: string;
  try {
    text = await readFile(args.profileFile, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${args.profileFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${args.profileFile} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`${args.profileFile} must hold one profile object`);
  const { secrets, ...settings } = json as Record<string, unknown>;
  let fileSecrets: Record<string, unknown> | null = null;
  if (secrets !== undefined) {
    if (!args.allowSecretsInFile) log('the profile file holds a "secrets" object: ignored (pass --allow-secrets-in-file to use it)');
    else if (typeof secrets === 'object' && secrets !== null) fileSecrets = secrets as Record<string, unknown>;
  }
  let profile: ProviderProfile;
  try {
    profile = parseProfile(settings);
  } catch (error) {
    if (error instanceof ProfileValidationError) throw new UsageError(`${args.profileFile}: ${error.message}`);
    throw error;
  }
  const problem = adapterFor(profile).setupProblem(profile);
  if (problem !== null) throw new UsageError(`${args.profileFile}: ${problem}`);
  const keychainId = profile.id === '' ? null : profile.id;
  return { profile: { ...profile, id: keychainId ?? ANONYMOUS_PROFILE_ID }, keychainId, fileSecrets };
}

async function record(args: RecordArgs, loaded: LoadedProfile, log: (line: string) => void): Promise<number> {
  const { profile } = loaded;
  const secrets = recorderSecretStore(secretOverrides(process.env, loaded.fileSecrets), loaded.keychainId, log);
  const tokens = new DialpadTokenManagers(secrets, fetch);
  const source = adapterFor(profile).createSource(profile, { secrets, fetch, oauthTokens: (dialpad) => tokens.forProfile(dialpad) });
  const out: WriteStream | NodeJS.WriteStream = args.out === null ? process.stdout : createWriteStream(args.out, { flags: 'a' });
  const store = EventStore.open({ file: ':memory:', retention: { maxEvents: KEPT_IN_MEMORY } });
  const matches = eventMatcher(args.filter);
  const startedAt = Date.now();
  let written = 0;
  let sinceRetention = 0;
  let outputBroken = false;

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  out.on('error', (error) => {
    if (outputBroken) return;
    outputBroken = true;
    log(`cannot write ${args.out ?? 'standard output'}: ${error.message}`);
    finish(EXIT.failure);
  });

  const live = new LiveSource({
    profileId: profile.id,
    source,
    store,
    onStored: (events: MonitorEvent[]) => {
      for (const event of events) {
        if (outputBroken || !matches(event)) continue;
        // The export's field order, so a recording and an export of the same events read alike.
        out.write(`${JSON.stringify(toMonitorEvent(event as unknown as Record<string, unknown>))}\n`);
        written += 1;
      }
      sinceRetention += events.length;
      if (sinceRetention >= KEPT_IN_MEMORY) {
        sinceRetention = 0;
        // In memory and on this thread: it has run by the time this returns; a failure ends the run.
        store.applyRetention().catch((error: unknown) => {
          log(`could not trim the in-memory log: ${error instanceof Error ? error.message : String(error)}`);
          finish(EXIT.failure);
        });
      }
    },
    onState: (status: ConnectionStatus) => {
      log(`${status.state}${status.reason ? `: ${status.reason}` : ''}`);
      // Only refused credentials end in `failed`: retrying cannot help, so the run ends.
      if (status.state === 'failed') finish(EXIT.auth);
    },
    onStoreError: (error) => {
      log(`could not keep events: ${error.message}`);
      finish(EXIT.failure);
    },
  });

  const stopOnSignal = (): void => finish(EXIT.ok);
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const timer = args.durationMs === null ? null : setTimeout(() => finish(EXIT.ok), args.durationMs);

  log(`recording "${profile.name}" (${profile.provider}) to ${args.out ?? 'standard output'}`);
  live.start();
  const code = await finished;

  if (timer) clearTimeout(timer);
  process.off('SIGINT', stopOnSignal);
  process.off('SIGTERM', stopOnSignal);
  // Stopping drains the pipeline: the closing lifecycle entry is written too.
  await live.stop(code === EXIT.ok ? 'Recording stopped' : 'Recording ended');
  const reconnects = live.connection.status.reconnects;
  await store.close();
  if (!outputBroken) await closeOutput(out);
  log(`recorded ${written} event${written === 1 ? '' : 's'} in ${formatDuration(Date.now() - startedAt)}, ${reconnects} reconnect${reconnects === 1 ? '' : 's'}`);
  return code;
}

/** `--filter`: an event type prefix (`call.`, `system.`) or a text in the summary or raw frame, any case. */
export function eventMatcher(filter: string | null): (event: MonitorEvent) => boolean {
  if (filter === null) return () => true;
  const needle = filter.toLowerCase();
  return (event) =>
    event.type.startsWith(filter) || event.summary.toLowerCase().includes(needle) || event.raw.toLowerCase().includes(needle);
}

async function closeOutput(out: WriteStream | NodeJS.WriteStream): Promise<void> {
  if (out === process.stdout) {
    await new Promise<void>((resolve) => out.write('', () => resolve()));
    return;
  }
  await new Promise<void>((resolve) => (out as WriteStream).end(() => resolve()));
}
