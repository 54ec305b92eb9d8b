import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialpadProfile, SignInResult } from '../../../src-main/core/api';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type Core } from '../../../src-main/core/service';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';

let dir: string;
let core: Core;
let api: ApiSession;
let secrets: MemorySecretStore;
let simulator: Simulator;
let results: SignInResult[];
let opened: string[];
let protocolUrls: string[];
let browser: (url: string) => Promise<void>;

/**
 * The system browser, as far as a consent page that redirects at once is concerned: it follows
 * http redirects and hands a switchboard:// one to the OS, which gives it to the app's shell.
 */
async function followInBrowser(url: string): Promise<void> {
  opened.push(url);
  let next = url;
  for (let hop = 0; hop < 5; hop++) {
    if (next.startsWith('switchboard:')) {
      protocolUrls.push(next);
      return core.handleProtocolUrl(next);
    }
    const response = await fetch(next, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (!location) return;
    next = new URL(location, next).href;
  }
}

function profile(redirect: 'loopback' | 'protocol'): DialpadProfile {
  return {
    id: '',
    name: 'Dialpad OAuth',
    provider: 'dialpad',
    environment: 'custom',
    customHost: simulator.baseUrl,
    credential: 'oauth',
    oauth: { clientId: 'switchboard-test-client', scopes: ['calls:list', 'offline_access'], clientSecretRequired: false, redirect },
    websocketId: null,
    connectWith: 'websocket',
    subscriptionType: null,
    subscriptionId: null,
    restBase: null,
  };
}

const nextResult = async (): Promise<SignInResult> => {
  const start = results.length;
  await expect.poll(() => results.length, { timeout: 10_000 }).toBeGreaterThan(start);
  return results[start]!;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-sign-in-'));
  simulator = await startSimulator({ rate: 1 });
  secrets = new MemorySecretStore();
  results = [];
  opened = [];
  protocolUrls = [];
  browser = followInBrowser;
  core = await startCore({ dataDir: dir, mode: 'desktop', version: 'test', autoConnect: false, secrets, openExternal: (url) => browser(url) });
  api = core.openSession((event, payload) => {
    if (event === 'signInResult') results.push(payload as SignInResult);
  });
});

afterEach(async () => {
  api.close();
  await core.close();
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Dialpad OAuth sign-in (PKCE) from a profile', () => {
  it('signs in through the loopback redirect, stores rotating tokens, and then manages websockets with them', async () => {
    const saved = await api.saveProfile(profile('loopback'));
    const start = await api.beginDialpadSignIn(saved.id);
    expect(start.openedBySystem).toBe(true);
    const authorize = new URL(start.authorizationUrl);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);

    expect(await nextResult()).toEqual({ profileId: saved.id, ok: true, message: expect.stringContaining('Signed in') });
    expect(await secrets.has(saved.id, 'accessToken')).toBe(true);
    expect(await secrets.has(saved.id, 'refreshToken')).toBe(true);
    const created = await api.createDialpadWebsocket(saved.id, {});
    expect((await api.listDialpadWebsockets(saved.id)).map((socket) => socket.id)).toContain(created.id);

    await api.signOutDialpad(saved.id);
    expect(await secrets.has(saved.id, 'accessToken')).toBe(false);
    await expect(api.listDialpadWebsockets(saved.id)).rejects.toThrow();
  });

  it('completes through switchboard:// when the shell hands the callback to the core, once only', async () => {
    const saved = await api.saveProfile(profile('protocol'));
    const start = await api.beginDialpadSignIn(saved.id);
    expect(new URL(start.authorizationUrl).searchParams.get('redirect_uri')).toBe('switchboard://oauth/callback');
    expect(await nextResult()).toMatchObject({ profileId: saved.id, ok: true });
    expect(protocolUrls).toHaveLength(1);
    expect(await secrets.has(saved.id, 'accessToken')).toBe(true);

    // A replayed callback completes nothing: no second result, tokens untouched.
    await core.handleProtocolUrl(protocolUrls[0]!);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(results).toHaveLength(1);
  });

  it('reports a provider error from the callback to the user', async () => {
    const saved = await api.saveProfile(profile('protocol'));
    browser = async () => undefined; // the user is looking at the consent page
    const start = await api.beginDialpadSignIn(saved.id);
    const state = new URL(start.authorizationUrl).searchParams.get('state');
    await core.handleProtocolUrl(`switchboard://oauth/callback?state=${state}&error=access_denied&error_description=User+said+no`);
    await expect.poll(() => results.length).toBe(1);
    const result = results[0]!;
    expect(result).toMatchObject({ profileId: saved.id, ok: false });
    expect(result.message).toMatch(/access_denied|said no|denied/i);
  });
});
