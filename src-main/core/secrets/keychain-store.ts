import { SECRET_KINDS, type SecretKind } from './kinds';
import type { KeychainEntry, KeychainEntryFactory } from './keychain-entry';
import { assertProfileId, assertSecretValue, secretAccount } from './secret-key';
import { SecretStoreError, type SecretStore } from './secret-store';

export const KEYCHAIN_SERVICE = 'switchboard';

/** Long enough for a user to answer an OS unlock prompt, short enough to never hang the app. */
export const KEYCHAIN_OPERATION_TIMEOUT_MS = 60_000;

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service): service `switchboard`, account `<profileId>:<kind>`. */
export class KeychainSecretStore implements SecretStore {
  readonly backend = 'keychain';
  readonly warning = null;

  constructor(
    private readonly entryFor: KeychainEntryFactory,
    private readonly timeoutMs = KEYCHAIN_OPERATION_TIMEOUT_MS,
  ) {}

  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    assertSecretValue(value);
    await this.run(profileId, kind, 'store', (entry, signal) => entry.setPassword(value, signal));
  }

  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return (await this.get(profileId, kind)) !== null;
  }

  async get(profileId: string, kind: SecretKind): Promise<string | null> {
    return this.run(profileId, kind, 'read', (entry, signal) => entry.getPassword(signal));
  }

  async delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.run(profileId, kind, 'delete', (entry, signal) => entry.deleteCredential(signal));
  }

  /** Tries every kind rather than tracking which exist: nothing to drift out of sync across restarts. */
  async deleteProfile(profileId: string): Promise<void> {
    assertProfileId(profileId);
    for (const kind of SECRET_KINDS) await this.delete(profileId, kind);
  }

  private async run<T>(
    profileId: string,
    kind: SecretKind,
    verb: string,
    operation: (entry: KeychainEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const account = secretAccount(profileId, kind);
    try {
      return await withTimeout((signal) => operation(this.entryFor(KEYCHAIN_SERVICE, account), signal), this.timeoutMs);
    } catch (error) {
      // The keychain's own message names the platform failure; it never carries the value.
      throw new SecretStoreError(`the system keychain could not ${verb} ${account}: ${errorText(error)}`);
    }
  }
}

export async function withTimeout<T>(operation: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([operation(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
