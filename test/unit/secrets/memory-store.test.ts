import { describe, expect, it } from 'vitest';
import { SECRET_KINDS, type SecretKind } from '../../../src-main/core/secrets/kinds';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { MEMORY_BACKEND_WARNING, SecretStoreError } from '../../../src-main/core/secrets/secret-store';

describe('MemorySecretStore', () => {
  it('reports itself as memory with the warning for the UI', () => {
    const store = new MemorySecretStore();
    expect(store.backend).toBe('memory');
    expect(store.warning).toBe(MEMORY_BACKEND_WARNING);
    expect(store.warning).toMatch(/memory for this session only/);
    expect(store.warning).toMatch(/never written to disk/);
  });

  it('sets, checks, reads and deletes one kind of one profile', async () => {
    const store = new MemorySecretStore();
    expect(await store.has('p1', 'apiKey')).toBe(false);
    expect(await store.get('p1', 'apiKey')).toBeNull();
    await store.set('p1', 'apiKey', 'k-1');
    await store.set('p2', 'apiKey', 'k-2');
    expect(await store.has('p1', 'apiKey')).toBe(true);
    expect(await store.get('p1', 'apiKey')).toBe('k-1');
    expect(await store.get('p1', 'token')).toBeNull();
    await store.set('p1', 'apiKey', 'k-1b');
    expect(await store.get('p1', 'apiKey')).toBe('k-1b');
    expect(await store.delete('p1', 'apiKey')).toBe(true);
    expect(await store.delete('p1', 'apiKey')).toBe(false);
    expect(await store.get('p2', 'apiKey')).toBe('k-2');
  });

  it('deleteProfile removes every kind of that profile and nothing else', async () => {
    const store = new MemorySecretStore();
    for (const kind of SECRET_KINDS) {
      await store.set('gone', kind, `v-${kind}`);
      await store.set('kept', kind, `v-${kind}`);
    }
    await store.deleteProfile('gone');
    for (const kind of SECRET_KINDS) {
      expect(await store.has('gone', kind)).toBe(false);
      expect(await store.get('kept', kind)).toBe(`v-${kind}`);
    }
  });

  it('profile ids with colons cannot collide with other accounts', async () => {
    const store = new MemorySecretStore();
    await store.set('a:apiKey', 'token', 'one');
    expect(await store.get('a', 'apiKey')).toBeNull();
  });

  it('refuses empty values, empty profile ids and unknown kinds', async () => {
    const store = new MemorySecretStore();
    await expect(store.set('p', 'apiKey', '')).rejects.toBeInstanceOf(SecretStoreError);
    await expect(store.set(' ', 'apiKey', 'v')).rejects.toThrow(/non-empty profile id/);
    await expect(store.get('p', 'cookie' as SecretKind)).rejects.toThrow(/unknown secret kind/);
    await expect(store.deleteProfile('')).rejects.toBeInstanceOf(SecretStoreError);
  });
});
