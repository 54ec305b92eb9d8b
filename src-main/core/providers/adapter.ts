import type { TokenManager } from '../auth/token-manager';
import type { DialpadProfile, ProviderProfile } from '../api';
import type { SecretKind } from '../secrets/kinds';
import type { SecretStore } from '../secrets/secret-store';
import type { FetchFn } from './rest-client';
import type { ProviderSource } from './source';

export interface SecretUse {
  kind: SecretKind;
  /** Without it the profile cannot connect; optional ones change what is shown (a JWT secret). */
  required: boolean;
}

/** What an adapter may use: the only way it reaches secrets and the network. */
export interface AdapterDeps {
  /** Read with the profile's id; the adapter never hands a value onwards except to the provider. */
  secrets: SecretStore;
  fetch: FetchFn;
  /** One OAuth token manager per profile, shared by its connection and its setup calls. */
  oauthTokens(profile: DialpadProfile): TokenManager;
}

/**
 * One provider: turns a profile into a live source (how to open the socket, what to say on it,
 * how to read its frames). Provider quirks stay inside the adapter's files.
 */
export interface ProviderAdapter<P extends ProviderProfile = ProviderProfile> {
  readonly provider: P['provider'];
  /** The secret kinds this profile's settings use. */
  secretsUsed(profile: P): SecretUse[];
  /** What must be set up before the profile can connect, in words; null when it is ready. */
  setupProblem(profile: P): string | null;
  createSource(profile: P, deps: AdapterDeps): ProviderSource;
}
