import { randomBytes } from 'node:crypto';
import { napiKeychainEntry, type KeychainEntryFactory } from './keychain-entry';
import { errorText, KEYCHAIN_SERVICE, KeychainSecretStore, withTimeout } from './keychain-store';
import { MemorySecretStore } from './memory-store';
import type { SecretStore } from './secret-store';

/** No colon: it can never collide with a `<profileId>:<kind>` account. */
const PROBE_ACCOUNT = 'availability-probe';
const PROBE_TIMEOUT_MS = 10_000;

export interface OpenSecretStoreOptions {
  entryFactory?: KeychainEntryFactory;
  probeTimeoutMs?: number;
  /** Why the keychain was not used, for the log; the UI shows `store.warning`. */
  onKeychainUnavailable?: (reason: string) => void;
}

/**
 * The keychain when a harmless write/read/delete round-trip works, otherwise memory for this
 * session. Probing beats guessing from the platform: a Linux box may or may not run a Secret
 * Service, and a locked or broken keychain only shows itself when used.
 */
export async function openSecretStore(options: OpenSecretStoreOptions = {}): Promise<SecretStore> {
  const entryFactory = options.entryFactory ?? napiKeychainEntry;
  try {
    await withTimeout((signal) => probe(entryFactory, signal), options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
    return new KeychainSecretStore(entryFactory);
  } catch (error) {
    options.onKeychainUnavailable?.(errorText(error));
    return new MemorySecretStore();
  }
}

async function probe(entryFactory: KeychainEntryFactory, signal: AbortSignal): Promise<void> {
  const entry = entryFactory(KEYCHAIN_SERVICE, PROBE_ACCOUNT);
  const value = randomBytes(16).toString('base64url');
  await entry.setPassword(value, signal);
  try {
    const readBack = await entry.getPassword(signal);
    if (readBack !== value) throw new Error('the keychain did not return what was just stored');
  } finally {
    await entry.deleteCredential(signal);
  }
}
