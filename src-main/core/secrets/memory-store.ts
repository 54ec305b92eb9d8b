import { SECRET_KINDS, type SecretKind } from './kinds';
import { assertProfileId, assertSecretValue, secretAccount } from './secret-key';
import { MEMORY_BACKEND_WARNING, type SecretStore } from './secret-store';

/** Session-only fallback: values live in this process and die with it, never on disk. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory';
  readonly warning = MEMORY_BACKEND_WARNING;
  private readonly values = new Map<string, string>();

  async set(profileId: string, kind: SecretKind, value: string): Promise<void> {
    assertSecretValue(value);
    this.values.set(secretAccount(profileId, kind), value);
  }

  async has(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.values.has(secretAccount(profileId, kind));
  }

  async get(profileId: string, kind: SecretKind): Promise<string | null> {
    return this.values.get(secretAccount(profileId, kind)) ?? null;
  }

  async delete(profileId: string, kind: SecretKind): Promise<boolean> {
    return this.values.delete(secretAccount(profileId, kind));
  }

  async deleteProfile(profileId: string): Promise<void> {
    assertProfileId(profileId);
    for (const kind of SECRET_KINDS) this.values.delete(secretAccount(profileId, kind));
  }
}
