import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderProfile } from '../../../src-main/core/api';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type Core } from '../../../src-main/core/service';

let dir: string;
let core: Core;
let api: ApiSession;
let secrets: MemorySecretStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-api-'));
  secrets = new MemorySecretStore();
  core = await startCore({ dataDir: dir, mode: 'web', version: 'test', autoConnect: false, secrets });
  api = core.openSession(() => {});
});
afterEach(async () => {
  api.close();
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const voipbin = {
  id: '',
  name: 'VoIPBin',
  provider: 'voipbin',
  baseUrl: 'http://127.0.0.1:9',
  credential: 'login',
  username: 'me',
  topics: ['customer_id:5e4a0680-804e-11ec-8477-2fea5669e2a2:call:*'],
} satisfies ProviderProfile;

describe('profile and secret API', () => {
  it('lists the demo first, then saved profiles; the demo is neither editable nor deletable', async () => {
    const saved = await api.saveProfile(voipbin);
    expect((await api.listProfiles()).map((profile) => [profile.id, profile.isDemo])).toEqual([
      ['demo', true],
      [saved.id, false],
    ]);
    expect(await api.getProfile(saved.id)).toEqual(saved);
    await expect(api.deleteProfile('demo')).rejects.toThrow(/demo profile is built in/);
    await expect(api.saveProfile({ ...voipbin, baseUrl: 'nope' })).rejects.toThrow(/baseUrl: must be a URL/);
  });

  it('sets, reports and clears secrets without ever returning a value; deleting a profile deletes its secrets', async () => {
    const saved = await api.saveProfile(voipbin);
    expect(await api.secretStatus(saved.id)).toEqual({
      profileId: saved.id,
      backend: 'memory',
      warning: expect.stringContaining('memory'),
      kinds: [{ kind: 'password', required: true, stored: false }],
    });
    const afterSet = await api.setSecret(saved.id, 'password', 'hunter2-long');
    expect(afterSet.kinds).toEqual([{ kind: 'password', required: true, stored: true }]);
    expect(JSON.stringify(afterSet)).not.toContain('hunter2');
    await expect(api.setSecret(saved.id, 'apiKey', 'x')).rejects.toThrow(/does not use a apiKey secret \(it uses: password\)/);
    expect((await api.clearSecret(saved.id, 'password')).kinds[0]?.stored).toBe(false);

    await api.setSecret(saved.id, 'password', 'hunter2-long');
    await api.deleteProfile(saved.id);
    expect(await secrets.get(saved.id, 'password')).toBeNull();
    expect((await api.listProfiles()).map((profile) => profile.id)).toEqual(['demo']);
  });

  it('checks VoIPBin topics by profile or by list, and refuses to connect an unfinished profile', async () => {
    const saved = await api.saveProfile(voipbin);
    expect((await api.checkVoipbinTopics({ profileId: saved.id })).map((warning) => warning.problem)).toEqual(['wildcard']);
    expect(await api.checkVoipbinTopics({ topics: ['oops'] })).toMatchObject([{ problem: 'malformed' }]);
    const dialpad = await api.saveProfile({
      id: '',
      name: 'Dialpad',
      provider: 'dialpad',
      environment: 'sandbox',
      customHost: null,
      credential: 'apiKey',
      oauth: null,
      websocketId: null,
      connectWith: 'websocket',
      subscriptionType: null,
      subscriptionId: null,
      restBase: null,
    });
    await expect(api.connect(dialpad.id)).rejects.toThrow(/cannot connect yet: Create or choose a Dialpad websocket/);
    const copy = await api.duplicateProfile(dialpad.id);
    expect(copy).toMatchObject({ name: 'Dialpad (copy)', provider: 'dialpad' });
  });
});
