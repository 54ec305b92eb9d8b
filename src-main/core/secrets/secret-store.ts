import type { SecretKind } from './kinds';

export type SecretBackendName = 'keychain' | 'memory';

/**
 * Where secrets live. The only code that reads a secret value is in the core, through `get`;
 * the renderer gets a `SecretStoreView` at most (it can set, check and clear, never read).
 */
export interface SecretStore {
  readonly backend: SecretBackendName;
  /** A sentence for the UI when secrets will not survive a restart; null with a real keychain. */
  readonly warning: string | null;
  set(profileId: string, kind: SecretKind, value: string): Promise<void>;
  has(profileId: string, kind: SecretKind): Promise<boolean>;
  /** Core-internal only. Null when nothing is stored. */
  get(profileId: string, kind: SecretKind): Promise<string | null>;
  /** True when something was removed. */
  delete(profileId: string, kind: SecretKind): Promise<boolean>;
  /** Removes every kind stored for the profile. */
  deleteProfile(profileId: string): Promise<void>;
}

/** What may cross to the UI: everything but reading a value back. */
export type SecretStoreView = Omit<SecretStore, 'get'>;

export const MEMORY_BACKEND_WARNING =
  'No system keychain is available (on Linux: no Secret Service such as GNOME Keyring or KWallet is running). ' +
  'Secrets are kept in memory for this session only and are never written to disk: you will be asked for them again after a restart.';

export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
}
