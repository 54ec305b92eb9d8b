import { afterEach, describe, expect, it } from 'vitest';
import type { KeychainEntry, KeychainEntryFactory } from '../../../src-main/core/secrets/keychain-entry';
import { KeychainSecretStore } from '../../../src-main/core/secrets/keychain-store';
import { SECRET_KINDS } from '../../../src-main/core/secrets/kinds';
import { openSecretStore } from '../../../src-main/core/secrets/open-secret-store';
import { MEMORY_BACKEND_WARNING, SecretStoreError } from '../../../src-main/core/secrets/secret-store';

/** A keychain double keyed like the real one, recording which accounts were touched. */
function fakeKeychain() {
  const items = new Map<string, string>();
  const touched: string[] = [];
  const factory: KeychainEntryFactory = (service, account) => {
    const key = `${service}/${account}`;
    touched.push(key);
    return {
      setPassword: async (value) => void items.set(key, value),
      getPassword: async () => items.get(key) ?? null,
      deleteCredential: async () => items.delete(key),
    };
  };
  return { items, touched, factory };
}

const failing = (message: string): KeychainEntryFactory => () => ({
  setPassword: async () => {
    throw new Error(message);
  },
  getPassword: async () => {
    throw new Error(message);
  },
  deleteCredential: async () => {
    throw new Error(message);
  },
});

describe('openSecretStore', () => {
  const savedBus = process.env['DBUS_SESSION_BUS_ADDRESS'];
  afterEach(() => {
    if (savedBus === undefined) delete process.env['DBUS_SESSION_BUS_ADDRESS'];
    else process.env['DBUS_SESSION_BUS_ADDRESS'] = savedBus;
  });

  // Elsewhere the OS keychain does not depend on D-Bus, and a unit test must not touch it.
  it.skipIf(process.platform !== 'linux')('falls back to memory, with the warning, when no Secret Service is reachable (real @napi-rs/keyring)', async () => {
    process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/switchboard-test-bus';
    const reasons: string[] = [];
    const store = await openSecretStore({ onKeychainUnavailable: (reason) => reasons.push(reason) });
    expect(store.backend).toBe('memory');
    expect(store.warning).toBe(MEMORY_BACKEND_WARNING);
    expect(reasons).toHaveLength(1);
    await store.set('p', 'apiKey', 'v');
    expect(await store.get('p', 'apiKey')).toBe('v');
  });

  it('falls back to memory when the keychain throws', async () => {
    const reasons: string[] = [];
    const store = await openSecretStore({ entryFactory: failing('Platform failure: no Secret Service'), onKeychainUnavailable: (r) => reasons.push(r) });
    expect(store.backend).toBe('memory');
    expect(store.warning).toBe(MEMORY_BACKEND_WARNING);
    expect(reasons).toEqual(['Platform failure: no Secret Service']);
  });

  it('falls back to memory when the keychain never answers', async () => {
    const hanging: KeychainEntryFactory = () => ({
      setPassword: () => new Promise<void>(() => undefined),
      getPassword: () => new Promise<string | null>(() => undefined),
      deleteCredential: () => new Promise<boolean>(() => undefined),
    });
    const reasons: string[] = [];
    const store = await openSecretStore({ entryFactory: hanging, probeTimeoutMs: 50, onKeychainUnavailable: (r) => reasons.push(r) });
    expect(store.backend).toBe('memory');
    expect(reasons).toEqual(['no answer within 50 ms']);
  });

  it('falls back to memory when the keychain loses what it was given', async () => {
    const forgetful: KeychainEntryFactory = () => ({
      setPassword: async () => undefined,
      getPassword: async () => null,
      deleteCredential: async () => false,
    });
    expect((await openSecretStore({ entryFactory: forgetful })).backend).toBe('memory');
  });

  it('uses the keychain when the probe round-trip works, and leaves no probe behind', async () => {
    const keychain = fakeKeychain();
    const store = await openSecretStore({ entryFactory: keychain.factory });
    expect(store.backend).toBe('keychain');
    expect(store.warning).toBeNull();
    expect(keychain.items.size).toBe(0);
    expect(keychain.touched.every((key) => key.startsWith('switchboard/'))).toBe(true);
  });
});

describe('KeychainSecretStore', () => {
  it('stores under service switchboard, account <profileId>:<kind>', async () => {
    const keychain = fakeKeychain();
    const store = new KeychainSecretStore(keychain.factory);
    await store.set('dialpad-1', 'clientSecret', 'cs');
    expect([...keychain.items]).toEqual([['switchboard/dialpad-1:clientSecret', 'cs']]);
    expect(await store.has('dialpad-1', 'clientSecret')).toBe(true);
    expect(await store.get('dialpad-1', 'clientSecret')).toBe('cs');
    expect(await store.delete('dialpad-1', 'clientSecret')).toBe(true);
    expect(await store.has('dialpad-1', 'clientSecret')).toBe(false);
  });

  it('deleteProfile removes every kind', async () => {
    const keychain = fakeKeychain();
    const store = new KeychainSecretStore(keychain.factory);
    for (const kind of SECRET_KINDS) await store.set('p', kind, kind);
    await store.set('other', 'apiKey', 'x');
    await store.deleteProfile('p');
    expect([...keychain.items.keys()]).toEqual(['switchboard/other:apiKey']);
  });

  it('turns keychain failures into clear errors without the value', async () => {
    const store = new KeychainSecretStore(failing('Platform failure: locked'));
    const error = await store.set('p', 'password', 'PLANTED-password-value').then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).toBe('the system keychain could not store p:password: Platform failure: locked');
    expect((error as Error).message).not.toContain('PLANTED');
  });

  it('bounds every operation in time', async () => {
    const stuck: KeychainEntry = {
      setPassword: () => new Promise<void>(() => undefined),
      getPassword: () => new Promise<string | null>(() => undefined),
      deleteCredential: () => new Promise<boolean>(() => undefined),
    };
    const store = new KeychainSecretStore(() => stuck, 30);
    await expect(store.get('p', 'token')).rejects.toThrow('the system keychain could not read p:token: no answer within 30 ms');
  });
});
