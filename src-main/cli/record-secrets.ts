import { SECRET_KINDS, type SecretKind } from '../core/secrets/kinds';
import { openSecretStore } from '../core/secrets/open-secret-store';
import type { SecretStore } from '../core/secrets/secret-store';

/** `SWITCHBOARD_SECRET_APIKEY`, `SWITCHBOARD_SECRET_JWTSECRET`, ... */
export function secretEnvName(kind: SecretKind): string {
  return `SWITCHBOARD_SECRET_${kind.toUpperCase()}`;
}

/** Secrets given for this run (environment, or the file when allowed), by kind. */
export function secretOverrides(env: NodeJS.ProcessEnv, fromFile: Record<string, unknown> | null): Map<SecretKind, string> {
  const overrides = new Map<SecretKind, string>();
  for (const kind of SECRET_KINDS) {
    const fileValue = fromFile?.[kind];
    if (typeof fileValue === 'string' && fileValue !== '') overrides.set(kind, fileValue);
    const envValue = env[secretEnvName(kind)];
    // The environment wins: it is the way to override a file without editing it.
    if (envValue !== undefined && envValue !== '') overrides.set(kind, envValue);
  }
  return overrides;
}

/**
 * The recorder's secrets: this run's overrides first, then the keychain entries of the profile
 * id (opened only if a secret is still missing, so a fully specified run never touches the
 * keychain). Writes (a rotated OAuth refresh token) go to the keychain, which keeps them.
 */
export function recorderSecretStore(
  overrides: ReadonlyMap<SecretKind, string>,
  keychainProfileId: string | null,
  log: (line: string) => void,
): SecretStore {
  let backing: Promise<SecretStore> | null = null;
  const store = (): Promise<SecretStore> =>
    (backing ??= openSecretStore({ onKeychainUnavailable: (reason) => log(`no system keychain (${reason}); only SWITCHBOARD_SECRET_* values are used`) }));
  const persisted = async <T>(fallback: T, use: (backingStore: SecretStore, id: string) => Promise<T>): Promise<T> =>
    keychainProfileId === null ? fallback : use(await store(), keychainProfileId);
  const local = new Map(overrides);
  return {
    backend: 'memory',
    warning: null,
    async get(_profileId, kind) {
      return local.get(kind) ?? persisted(null, (backingStore, id) => backingStore.get(id, kind));
    },
    async has(profileId, kind) {
      return (await this.get(profileId, kind)) !== null;
    },
    async set(_profileId, kind, value) {
      local.set(kind, value);
      await persisted(undefined, (backingStore, id) => backingStore.set(id, kind, value));
    },
    async delete(_profileId, kind) {
      const removed = local.delete(kind);
      return (await persisted(false, (backingStore, id) => backingStore.delete(id, kind))) || removed;
    },
    async deleteProfile() {
      local.clear();
      await persisted(undefined, (backingStore, id) => backingStore.deleteProfile(id));
    },
  };
}
