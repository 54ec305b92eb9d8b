import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProviderProfile } from '../api';
import { parseProfile } from './validate';

const FILE_VERSION = 1;

interface ProfilesFile {
  version: number;
  profiles: ProviderProfile[];
}

/**
 * The user's profiles (settings only, never secrets) in `profiles.json` in the data folder.
 * Every change rewrites the file atomically (temp file + rename), one write at a time.
 */
export class ProfileStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private profiles: ProviderProfile[],
  ) {}

  /**
   * Loads the file; a missing file is an empty list. A file that cannot be read as profiles is
   * copied aside (never silently overwritten) and the readable profiles are kept.
   */
  static async open(dataDir: string, log: (line: string) => void = () => {}): Promise<ProfileStore> {
    const file = join(dataDir, 'profiles.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new ProfileStore(file, []);
      throw error;
    }
    const { profiles, problems } = readProfilesFile(text);
    if (problems.length > 0) {
      const aside = join(dirname(file), `profiles.unreadable-${Date.now()}.json`);
      await copyFile(file, aside);
      log(`Switchboard: ${problems.join('; ')} — the original file was copied to ${aside}`);
    }
    return new ProfileStore(file, profiles);
  }

  list(): ProviderProfile[] {
    return [...this.profiles];
  }

  get(id: string): ProviderProfile | null {
    return this.profiles.find((profile) => profile.id === id) ?? null;
  }

  /** Validates, assigns an id to a new profile, and persists; returns the profile as stored. */
  async save(input: unknown): Promise<ProviderProfile> {
    const parsed = parseProfile(input);
    const profile = parsed.id === '' ? { ...parsed, id: randomUUID() } : parsed;
    const index = this.profiles.findIndex((existing) => existing.id === profile.id);
    const next = [...this.profiles];
    if (index === -1) next.push(profile);
    else next[index] = profile;
    await this.persist(next);
    return profile;
  }

  /** True when it existed. */
  async delete(id: string): Promise<boolean> {
    const next = this.profiles.filter((profile) => profile.id !== id);
    if (next.length === this.profiles.length) return false;
    await this.persist(next);
    return true;
  }

  /** A copy under a new id and name; secrets are not copied (the keychain entries stay the original's). */
  async duplicate(id: string): Promise<ProviderProfile | null> {
    const original = this.get(id);
    if (original === null) return null;
    return this.save({ ...original, id: '', name: copyName(original.name, this.profiles) });
  }

  private async persist(next: ProviderProfile[]): Promise<void> {
    const run = this.writing.then(() => writeAtomically(this.file, { version: FILE_VERSION, profiles: next }));
    // A failed write must not block the ones after it; the caller still sees its own failure.
    this.writing = run.catch(() => undefined);
    await run;
    this.profiles = next;
  }
}

function readProfilesFile(text: string): { profiles: ProviderProfile[]; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { profiles: [], problems: ['profiles.json is not valid JSON'] };
  }
  const entries = (parsed as Partial<ProfilesFile> | null)?.profiles;
  if (!Array.isArray(entries)) return { profiles: [], problems: ['profiles.json has no "profiles" list'] };
  const profiles: ProviderProfile[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    try {
      const profile = parseProfile(entry);
      if (profile.id === '' || profiles.some((known) => known.id === profile.id)) throw new Error('missing or repeated id');
      profiles.push(profile);
    } catch (error) {
      problems.push(`profile #${index + 1} in profiles.json was skipped (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  return { profiles, problems };
}

async function writeAtomically(file: string, content: ProfilesFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.profiles.json.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx', flush: true });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function copyName(name: string, existing: readonly ProviderProfile[]): string {
  const taken = new Set(existing.map((profile) => profile.name));
  // Short enough that the suffix always fits in the 100-character name.
  const stem = name.replace(/ \(copy(?: \d+)?\)$/, '').slice(0, 80);
  for (let n = 1; ; n += 1) {
    const candidate = `${stem} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate)) return candidate;
  }
}
