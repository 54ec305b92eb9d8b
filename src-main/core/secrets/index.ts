export { SECRET_KINDS, isSecretKind, type SecretKind } from './kinds';
export {
  MEMORY_BACKEND_WARNING,
  SecretStoreError,
  type SecretBackendName,
  type SecretStore,
  type SecretStoreView,
} from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KEYCHAIN_SERVICE, KeychainSecretStore } from './keychain-store';
export { napiKeychainEntry, type KeychainEntry, type KeychainEntryFactory } from './keychain-entry';
export { openSecretStore, type OpenSecretStoreOptions } from './open-secret-store';
