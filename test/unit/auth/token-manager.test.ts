import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/auth/auth-error';
import { TokenManager } from '../../../src-main/core/auth/token-manager';
import type { TokenSet } from '../../../src-main/core/auth/token-set';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';

const PROFILE = 'dialpad-oauth';

function tokens(n: number, expiresAt: number | null): TokenSet {
  return { accessToken: `at-${n}`, tokenType: 'Bearer', expiresAt, refreshToken: `rt-${n}`, idToken: null, scope: null };
}

/** A fake provider: rotates refresh tokens, refuses a used one, can be slowed to overlap callers. */
function rotatingProvider(clock: { now: () => number }, lifetimeMs = 3_600_000) {
  let issued = 1;
  const live = new Set(['rt-1']);
  const calls: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  return {
    calls,
    hold(): () => void {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return open;
    },
    refresh: async (refreshToken: string): Promise<TokenSet> => {
      calls.push(refreshToken);
      await gate;
      if (!live.delete(refreshToken)) throw new AuthError('reauthorization_required', 'refresh token already used');
      issued += 1;
      live.add(`rt-${issued}`);
      return tokens(issued, clock.now() + lifetimeMs);
    },
  };
}

function setup() {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const secrets = new MemorySecretStore();
  const provider = rotatingProvider(clock);
  const manager = new TokenManager({ profileId: PROFILE, secrets, refresh: provider.refresh, now: clock.now });
  return { clock, secrets, provider, manager };
}

describe('TokenManager', () => {
  it('hands out the stored access token while it is valid', async () => {
    const { clock, secrets, provider, manager } = setup();
    await manager.store(tokens(1, clock.now() + 3_600_000));
    expect(await secrets.get(PROFILE, 'accessToken')).toBe('at-1');
    expect(await secrets.get(PROFILE, 'refreshToken')).toBe('rt-1');
    clock.advance(3_600_000 - 60_001);
    expect(await manager.getAccessToken()).toBe('at-1');
    expect(provider.calls).toEqual([]);
  });

  it('refreshes 60 s before expiry and stores the rotated refresh token', async () => {
    const { clock, secrets, provider, manager } = setup();
    await manager.store(tokens(1, clock.now() + 3_600_000));
    clock.advance(3_600_000 - 60_000);
    expect(await manager.getAccessToken()).toBe('at-2');
    expect(provider.calls).toEqual(['rt-1']);
    expect(await secrets.get(PROFILE, 'refreshToken')).toBe('rt-2');
    expect(await secrets.get(PROFILE, 'accessToken')).toBe('at-2');
    expect(manager.expiresAt).toBe(clock.now() + 3_600_000);

    clock.advance(3_600_000);
    expect(await manager.getAccessToken()).toBe('at-3');
    expect(provider.calls).toEqual(['rt-1', 'rt-2']);
    expect(await secrets.get(PROFILE, 'refreshToken')).toBe('rt-3');
  });

  it('refreshes on demand after a 401, once per refused token', async () => {
    const { clock, provider, manager } = setup();
    await manager.store(tokens(1, clock.now() + 3_600_000));
    const refused = await manager.getAccessToken();
    manager.invalidate(refused);
    expect(await manager.getAccessToken()).toBe('at-2');
    // A second 401 for the same old token, arriving late, must not burn another refresh.
    manager.invalidate(refused);
    expect(await manager.getAccessToken()).toBe('at-2');
    manager.invalidate();
    expect(await manager.getAccessToken()).toBe('at-3');
    expect(provider.calls).toEqual(['rt-1', 'rt-2']);
  });

  it('shares one refresh among concurrent callers', async () => {
    const { clock, provider, manager } = setup();
    await manager.store(tokens(1, clock.now() + 1000));
    const open = provider.hold();
    const waiting = Array.from({ length: 10 }, () => manager.getAccessToken());
    manager.invalidate();
    waiting.push(manager.getAccessToken());
    open();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['at-2']));
    expect(provider.calls).toEqual(['rt-1']);
  });

  it('after a failed refresh, the next caller tries again', async () => {
    const { clock, secrets } = setup();
    let fail = true;
    const flaky = new TokenManager({
      profileId: PROFILE,
      secrets,
      now: clock.now,
      refresh: async () => {
        if (fail) throw new AuthError('token_endpoint_unreachable', 'down');
        return tokens(9, null);
      },
    });
    await flaky.store(tokens(1, clock.now()));
    await expect(flaky.getAccessToken()).rejects.toMatchObject({ kind: 'token_endpoint_unreachable' });
    fail = false;
    expect(await flaky.getAccessToken()).toBe('at-9');
  });

  it('keeps the old refresh token when the provider does not rotate it', async () => {
    const { clock, secrets } = setup();
    const manager = new TokenManager({
      profileId: PROFILE,
      secrets,
      now: clock.now,
      refresh: async () => ({ ...tokens(2, clock.now() + 1000), refreshToken: null }),
    });
    await manager.store(tokens(1, clock.now()));
    expect(await manager.getAccessToken()).toBe('at-2');
    expect(await secrets.get(PROFILE, 'refreshToken')).toBe('rt-1');
  });

  it('uses a token stored by an earlier run until a 401, then refreshes', async () => {
    const { clock, secrets, provider } = setup();
    await secrets.set(PROFILE, 'accessToken', 'at-1');
    await secrets.set(PROFILE, 'refreshToken', 'rt-1');
    const manager = new TokenManager({ profileId: PROFILE, secrets, refresh: provider.refresh, now: clock.now });
    expect(await manager.getAccessToken()).toBe('at-1');
    expect(manager.expiresAt).toBeNull();
    manager.invalidate('at-1');
    expect(await manager.getAccessToken()).toBe('at-2');
  });

  it('says whether the user must sign in (again)', async () => {
    const { secrets, provider } = setup();
    const fresh = new TokenManager({ profileId: PROFILE, secrets, refresh: provider.refresh });
    await expect(fresh.getAccessToken()).rejects.toMatchObject({ kind: 'not_signed_in' });

    await fresh.store({ ...tokens(1, 0), refreshToken: null });
    await expect(fresh.getAccessToken()).rejects.toMatchObject({ kind: 'reauthorization_required' });
    expect(provider.calls).toEqual([]);
  });

  it('a fresh sign-in without a refresh token drops the one from an earlier sign-in', async () => {
    const { secrets, manager } = setup();
    await manager.store(tokens(1, null));
    await manager.store({ ...tokens(5, null), refreshToken: null });
    expect(await secrets.has(PROFILE, 'refreshToken')).toBe(false);
  });

  it('clear forgets both tokens', async () => {
    const { secrets, manager } = setup();
    await manager.store(tokens(1, null));
    await manager.clear();
    expect(await secrets.has(PROFILE, 'accessToken')).toBe(false);
    expect(await secrets.has(PROFILE, 'refreshToken')).toBe(false);
    await expect(manager.getAccessToken()).rejects.toMatchObject({ kind: 'not_signed_in' });
  });
});
