import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileValidationError } from '../../../src-main/core/profiles/field-checks';
import { ProfileStore } from '../../../src-main/core/profiles/profile-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const raw = { provider: 'websocket', name: 'Feed', url: 'ws://127.0.0.1:9000/' } as const;

describe('ProfileStore', () => {
  it('saves with a new id, reloads from profiles.json, and leaves no temp file behind', async () => {
    const store = await ProfileStore.open(dir);
    const saved = await store.save(raw);
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    const reopened = await ProfileStore.open(dir);
    expect(reopened.list()).toEqual([saved]);
    expect(await readdir(dir)).toEqual(['profiles.json']);
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))).toEqual({ version: 1, profiles: [saved] });
  });

  it('replaces by id, duplicates under a new id and name, and deletes', async () => {
    const store = await ProfileStore.open(dir);
    const saved = await store.save(raw);
    const renamed = await store.save({ ...saved, name: 'Renamed' });
    expect(store.list()).toEqual([renamed]);
    const copy = await store.duplicate(saved.id);
    const secondCopy = await store.duplicate(saved.id);
    expect(copy?.name).toBe('Renamed (copy)');
    expect(secondCopy?.name).toBe('Renamed (copy 2)');
    expect(copy?.id).not.toBe(saved.id);
    expect(await store.delete(saved.id)).toBe(true);
    expect(await store.delete(saved.id)).toBe(false);
    expect((await ProfileStore.open(dir)).list().map((profile) => profile.name)).toEqual(['Renamed (copy)', 'Renamed (copy 2)']);
  });

  it('rejects an invalid profile without touching the file', async () => {
    const store = await ProfileStore.open(dir);
    await store.save(raw);
    const before = await readFile(join(dir, 'profiles.json'), 'utf8');
    await expect(store.save({ provider: 'websocket', url: 'http://nope' })).rejects.toBeInstanceOf(ProfileValidationError);
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).toBe(before);
  });

  it('keeps the readable profiles of a damaged file and copies the original aside', async () => {
    const good = { id: 'good', ...raw };
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [good, { provider: 'websocket', id: 'bad' }] }));
    const lines: string[] = [];
    const store = await ProfileStore.open(dir, (line) => lines.push(line));
    expect(store.list().map((profile) => profile.id)).toEqual(['good']);
    expect(lines.join('\n')).toMatch(/profile #2 in profiles.json was skipped .*url: is required/);
    expect((await readdir(dir)).some((name) => /^profiles\.unreadable-\d+\.json$/.test(name))).toBe(true);
  });
});
