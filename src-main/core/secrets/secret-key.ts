import { isSecretKind, type SecretKind } from './kinds';
import { SecretStoreError } from './secret-store';

/** Rejects ids and kinds that would make an ambiguous or empty keychain account. */
export function secretAccount(profileId: string, kind: SecretKind): string {
  assertProfileId(profileId);
  if (!isSecretKind(kind)) throw new SecretStoreError(`unknown secret kind ${JSON.stringify(String(kind))}`);
  return `${profileId}:${kind}`;
}

export function assertProfileId(profileId: string): void {
  if (typeof profileId !== 'string' || profileId.trim() === '') {
    throw new SecretStoreError('a secret needs a non-empty profile id');
  }
}

export function assertSecretValue(value: string): void {
  // An empty secret is never meant: clearing is `delete`, and some keychains refuse empty items.
  if (typeof value !== 'string' || value === '') throw new SecretStoreError('a secret cannot be empty; use delete to clear it');
}
