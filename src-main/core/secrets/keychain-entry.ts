import { AsyncEntry } from '@napi-rs/keyring';

/** One keychain item, as far as the store needs it; a seam so tests can plant a broken keychain. */
export interface KeychainEntry {
  setPassword(value: string, signal?: AbortSignal): Promise<void>;
  getPassword(signal?: AbortSignal): Promise<string | null>;
  deleteCredential(signal?: AbortSignal): Promise<boolean>;
}

export type KeychainEntryFactory = (service: string, account: string) => KeychainEntry;

/**
 * On Linux, pinned to the Secret Service: the library would otherwise fall back to the kernel
 * keyring, which forgets everything at logout and is refused in most containers. Without a
 * Secret Service we would rather say "memory only" honestly. Ignored on macOS and Windows.
 */
export const napiKeychainEntry: KeychainEntryFactory = (service, account) =>
  new AsyncEntry(service, account, { linux: { store: 'secret-service' } });
