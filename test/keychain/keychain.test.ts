import { findCredentials } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KINDS } from '../../src-main/core/secrets/kinds';
import { openSecretStore } from '../../src-main/core/secrets/open-secret-store';
import type { SecretStore } from '../../src-main/core/secrets/secret-store';

/**
 * Against a real Secret Service. Run through `npm run test:keychain`, i.e. inside a private
 * D-Bus session with an unlocked throwaway gnome-keyring:
 *   XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- sh -c \
 *     'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --root . test/keychain'
 */

const PROFILE = `keychain-test-${process.pid}`;
const OTHER = `${PROFILE}-other`;

function accountsOf(profileId: string): string[] {
  return findCredentials('switchboard')
    .map((credential) => credential.account)
    .filter((account) => account.startsWith(`${profileId}:`))
    .sort();
}

describe('secret store on a real Secret Service', () => {
  let store: SecretStore;
  const reasons: string[] = [];

  beforeAll(async () => {
    store = await openSecretStore({ onKeychainUnavailable: (reason) => reasons.push(reason) });
  });

  afterAll(async () => {
    if (store?.backend === 'keychain') {
      await store.deleteProfile(PROFILE);
      await store.deleteProfile(OTHER);
    }
  });

  it('reports the keychain backend, without a warning', () => {
    expect(reasons).toEqual([]);
    expect(store.backend).toBe('keychain');
    expect(store.warning).toBeNull();
  });

  it('round-trips set / has / get / delete under service switchboard', async () => {
    expect(await store.has(PROFILE, 'apiKey')).toBe(false);
    await store.set(PROFILE, 'apiKey', 'dp-key-äö-✓');
    expect(await store.has(PROFILE, 'apiKey')).toBe(true);
    expect(await store.get(PROFILE, 'apiKey')).toBe('dp-key-äö-✓');
    expect(accountsOf(PROFILE)).toEqual([`${PROFILE}:apiKey`]);

    await store.set(PROFILE, 'apiKey', 'replaced');
    expect(await store.get(PROFILE, 'apiKey')).toBe('replaced');
    expect(accountsOf(PROFILE)).toEqual([`${PROFILE}:apiKey`]);

    expect(await store.delete(PROFILE, 'apiKey')).toBe(true);
    expect(await store.delete(PROFILE, 'apiKey')).toBe(false);
    expect(await store.has(PROFILE, 'apiKey')).toBe(false);
    expect(await store.get(PROFILE, 'apiKey')).toBeNull();
  });

  it('deleteProfile removes every kind of that profile and nothing else', async () => {
    for (const kind of SECRET_KINDS) await store.set(PROFILE, kind, `value-of-${kind}`);
    await store.set(OTHER, 'token', 'kept');
    expect(accountsOf(PROFILE)).toHaveLength(SECRET_KINDS.length);

    await store.deleteProfile(PROFILE);
    expect(accountsOf(PROFILE)).toEqual([]);
    for (const kind of SECRET_KINDS) expect(await store.has(PROFILE, kind)).toBe(false);
    expect(await store.get(OTHER, 'token')).toBe('kept');
  });

  it('leaves no availability probe behind', () => {
    expect(findCredentials('switchboard').map((credential) => credential.account)).not.toContain('availability-probe');
  });
});
