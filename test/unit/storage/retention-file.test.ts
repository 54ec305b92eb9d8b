import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetentionSettingsFile } from '../../../src-main/core/storage/retention-file';
import { DEFAULT_RETENTION } from '../../../src-main/core/storage/retention-settings';

let dir: string;
let lines: string[];
const log = (line: string): void => void lines.push(line);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-retention-'));
  lines = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('retention.json', () => {
  it('is the defaults, without a problem, while there is no file', async () => {
    const file = await RetentionSettingsFile.open(dir, log);
    expect(file.settings).toEqual(DEFAULT_RETENTION);
    expect(file.problem).toBeNull();
    expect(lines).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves, reads back after a restart, and leaves no temp file behind', async () => {
    const file = await RetentionSettingsFile.open(dir, log);
    await file.save({ maxEvents: 5_000, maxAgeHours: null });
    expect(file.settings).toEqual({ maxEvents: 5_000, maxAgeHours: null });
    expect(await readdir(dir)).toEqual(['retention.json']);
    expect(JSON.parse(await readFile(join(dir, 'retention.json'), 'utf8'))).toEqual({ version: 1, retention: { maxEvents: 5_000, maxAgeHours: null } });
    const reopened = await RetentionSettingsFile.open(dir, log);
    expect(reopened.settings).toEqual({ maxEvents: 5_000, maxAgeHours: null });
    expect(reopened.problem).toBeNull();
  });

  it('creates the data folder when it does not exist yet', async () => {
    const file = await RetentionSettingsFile.open(join(dir, 'new', 'folder'), log);
    await file.save({ maxEvents: 10, maxAgeHours: 1 });
    expect(await readdir(join(dir, 'new', 'folder'))).toEqual(['retention.json']);
  });

  it('writes one save at a time, so the last one asked for is the one on disk', async () => {
    const file = await RetentionSettingsFile.open(dir, log);
    await Promise.all([1, 2, 3, 4, 5].map((maxEvents) => file.save({ maxEvents, maxAgeHours: null })));
    expect((await RetentionSettingsFile.open(dir)).settings.maxEvents).toBe(5);
    expect(await readdir(dir)).toEqual(['retention.json']);
  });

  it('falls back to the defaults on a file that is not JSON, says so, and copies the original aside', async () => {
    await writeFile(join(dir, 'retention.json'), '{"retention": {"maxEvents": 10');
    const file = await RetentionSettingsFile.open(dir, log);
    expect(file.settings).toEqual(DEFAULT_RETENTION);
    expect(file.problem).toMatch(/^The retention settings in .*retention\.json are not valid JSON, so the defaults are in use \(at most 2,000,000 events, at most 30 days old\)\. The original file was copied to .*retention\.unreadable-\d+\.json\.$/);
    expect(lines).toEqual([`Switchboard: ${file.problem}`]);
    const aside = (await readdir(dir)).find((name) => /^retention\.unreadable-\d+\.json$/.test(name));
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"retention": {"maxEvents": 10');
  });

  it('falls back to the defaults on limits that are not valid, naming them', async () => {
    await writeFile(join(dir, 'retention.json'), JSON.stringify({ version: 1, retention: { maxEvents: -1, maxAgeHours: 24 } }));
    const file = await RetentionSettingsFile.open(dir, log);
    expect(file.settings).toEqual(DEFAULT_RETENTION);
    expect(file.problem).toMatch(/are not valid \(maxEvents must be a whole number from 1 to 1000000000, or null for no limit \(got -1\)\)/);
    await writeFile(join(dir, 'retention.json'), JSON.stringify({ version: 1 }));
    expect((await RetentionSettingsFile.open(dir, log)).problem).toMatch(/have no "retention" object/);
  });

  it('falls back to the defaults on a file it cannot read at all', async () => {
    await mkdir(join(dir, 'retention.json'));
    const file = await RetentionSettingsFile.open(dir, log);
    expect(file.settings).toEqual(DEFAULT_RETENTION);
    expect(file.problem).toMatch(/could not be read \(EISDIR/);
  });

  it('forgets the problem once the user saves new settings', async () => {
    await writeFile(join(dir, 'retention.json'), 'not json');
    const file = await RetentionSettingsFile.open(dir, log);
    await file.save({ maxEvents: 7, maxAgeHours: 48 });
    expect(file.problem).toBeNull();
    expect((await RetentionSettingsFile.open(dir)).settings).toEqual({ maxEvents: 7, maxAgeHours: 48 });
  });

  it('keeps the settings it had, and no temp file, when a save cannot replace the file', async () => {
    const file = await RetentionSettingsFile.open(dir, log);
    await file.save({ maxEvents: 7, maxAgeHours: 48 });
    // A folder in the file's place: the write succeeds, the rename over it cannot.
    await rm(join(dir, 'retention.json'));
    await mkdir(join(dir, 'retention.json', 'in-the-way'), { recursive: true });
    await expect(file.save({ maxEvents: 1, maxAgeHours: 1 })).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(file.settings).toEqual({ maxEvents: 7, maxAgeHours: 48 });
    expect(await readdir(dir)).toEqual(['retention.json']);
  });
});
