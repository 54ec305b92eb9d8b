import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RetentionSettings } from '../api';
import { AtomicFile } from '../export/atomic-file';
import { DEFAULT_RETENTION, describeRetention, parseRetentionSettings } from './retention-settings';

const FILE_NAME = 'retention.json';
const FILE_VERSION = 1;

interface RetentionFileContent {
  version: number;
  retention: RetentionSettings;
}

/**
 * The event-log retention limits in `retention.json` in the data folder. A file that cannot be
 * used never stops the app: the defaults apply, the problem is logged and kept for the UI, and
 * an unparsable original is copied aside before a save could overwrite it.
 */
export class RetentionSettingsFile {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: RetentionSettings,
    private unusable: string | null,
  ) {}

  static async open(dataDir: string, log: (line: string) => void = () => {}): Promise<RetentionSettingsFile> {
    const file = join(dataDir, FILE_NAME);
    const loaded = await load(file);
    if (loaded.problem !== null) log(`Switchboard: ${loaded.problem}`);
    return new RetentionSettingsFile(file, loaded.settings, loaded.problem);
  }

  get settings(): RetentionSettings {
    return this.current;
  }

  /** Why the saved settings are not in use, until the user saves new ones; null when they are. */
  get problem(): string | null {
    return this.unusable;
  }

  /** Writes atomically (temp file + rename), one write at a time; `settings` changes only once the file has. */
  async save(settings: RetentionSettings): Promise<void> {
    const run = this.writing.then(() => writeAtomically(this.file, { version: FILE_VERSION, retention: settings }));
    // A failed write must not block the ones after it; the caller still sees its own failure.
    this.writing = run.catch(() => undefined);
    await run;
    this.current = settings;
    this.unusable = null;
  }
}

interface Loaded {
  settings: RetentionSettings;
  problem: string | null;
}

async function load(file: string): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_RETENTION, problem: null };
    return defaultsBecause(file, `could not be read (${(error as Error).message})`);
  }
  const read = readContent(text);
  if (read.ok) return { settings: read.settings, problem: null };
  const aside = join(dirname(file), `retention.unreadable-${Date.now()}.json`);
  const copied = await copyFile(file, aside).then(
    () => ` The original file was copied to ${aside}.`,
    () => '',
  );
  return defaultsBecause(file, read.reason, copied);
}

function defaultsBecause(file: string, reason: string, after = ''): Loaded {
  return {
    settings: DEFAULT_RETENTION,
    problem: `The retention settings in ${file} ${reason}, so the defaults are in use (${describeRetention(DEFAULT_RETENTION)}).${after}`,
  };
}

function readContent(text: string): { ok: true; settings: RetentionSettings } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'are not valid JSON' };
  }
  const retention = (parsed as Partial<RetentionFileContent> | null)?.retention;
  if (retention === undefined) return { ok: false, reason: 'have no "retention" object' };
  const checked = parseRetentionSettings(retention);
  return checked.ok ? checked : { ok: false, reason: `are not valid (${checked.problems.join('; ')})` };
}

async function writeAtomically(file: string, content: RetentionFileContent): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const out = await AtomicFile.create(file);
  try {
    await out.write(`${JSON.stringify(content, null, 2)}\n`);
    await out.commit();
  } catch (error) {
    await out.discard();
    throw error;
  }
}
