import type { SecretStore } from '../secrets/secret-store';
import { AuthError } from './auth-error';
import type { TokenSet } from './token-set';

/** Refresh this long before the provider's expiry, so a token never dies in flight. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenManagerOptions {
  profileId: string;
  secrets: SecretStore;
  /** Bound to the profile's token URL and client: `(rt) => refresh({ tokenUrl, clientId, refreshToken: rt, ... })`. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  now?: () => number;
  refreshMarginMs?: number;
}

interface CurrentAccess {
  token: string;
  /** Null when unknown (a token loaded from the keychain after a restart): used until a 401. */
  expiresAt: number | null;
}

/**
 * One per profile in the main process. Hands out a valid access token, refreshing before expiry
 * or after a 401 (`invalidate`), with one refresh at a time however many callers ask, and keeps
 * every rotated refresh token in the secret store.
 */
export class TokenManager {
  private readonly profileId: string;
  private readonly secrets: SecretStore;
  private readonly refreshWith: (refreshToken: string) => Promise<TokenSet>;
  private readonly now: () => number;
  private readonly marginMs: number;
  private current: CurrentAccess | null = null;
  private loaded = false;
  private inFlight: Promise<string> | null = null;

  constructor(options: TokenManagerOptions) {
    this.profileId = options.profileId;
    this.secrets = options.secrets;
    this.refreshWith = options.refresh;
    this.now = options.now ?? Date.now;
    this.marginMs = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
  }

  /** After a code exchange (or to replace everything): stores the tokens of a fresh sign-in. */
  async store(tokens: TokenSet): Promise<void> {
    // A refresh token from an earlier sign-in belongs to another grant: never mix the two.
    if (tokens.refreshToken === null) await this.secrets.delete(this.profileId, 'refreshToken');
    await this.persist(tokens);
  }

  async getAccessToken(): Promise<string> {
    if (this.inFlight !== null) return this.inFlight;
    if (!this.loaded) await this.load();
    const current = this.current;
    if (current !== null && !this.isDue(current)) return current.token;
    return this.refreshOnce();
  }

  /**
   * The provider answered 401. Pass the token that was refused: if a refresh already replaced
   * it, nothing happens, so a burst of 401s from one old token costs one refresh, not many.
   */
  invalidate(rejectedAccessToken?: string): void {
    if (this.current === null) return;
    if (rejectedAccessToken !== undefined && rejectedAccessToken !== this.current.token) return;
    this.current = null;
  }

  /** Sign out locally: forget both tokens here and in the secret store. */
  async clear(): Promise<void> {
    this.current = null;
    this.loaded = true;
    await this.secrets.delete(this.profileId, 'accessToken');
    await this.secrets.delete(this.profileId, 'refreshToken');
  }

  /** When the current access token expires, if known. */
  get expiresAt(): number | null {
    return this.current?.expiresAt ?? null;
  }

  private isDue(current: CurrentAccess): boolean {
    return current.expiresAt !== null && this.now() >= current.expiresAt - this.marginMs;
  }

  private refreshOnce(): Promise<string> {
    if (this.inFlight === null) {
      this.inFlight = this.runRefresh().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async runRefresh(): Promise<string> {
    const refreshToken = await this.secrets.get(this.profileId, 'refreshToken');
    if (refreshToken === null) {
      const signedIn = this.current !== null || (await this.secrets.has(this.profileId, 'accessToken'));
      throw signedIn
        ? new AuthError('reauthorization_required', 'The access token has expired and there is no refresh token: sign in again.', { profileId: this.profileId })
        : new AuthError('not_signed_in', 'This profile is not signed in.', { profileId: this.profileId });
    }
    const tokens = await this.refreshWith(refreshToken);
    await this.persist(tokens);
    return tokens.accessToken;
  }

  private async load(): Promise<void> {
    const token = await this.secrets.get(this.profileId, 'accessToken');
    // A token stored by an earlier run has an unknown expiry: use it and let a 401 tell us.
    if (this.current === null && token !== null) this.current = { token, expiresAt: null };
    this.loaded = true;
  }

  private async persist(tokens: TokenSet): Promise<void> {
    // Rotation: the refresh token just used is dead at the provider, so the new one is stored first.
    if (tokens.refreshToken !== null) await this.secrets.set(this.profileId, 'refreshToken', tokens.refreshToken);
    await this.secrets.set(this.profileId, 'accessToken', tokens.accessToken);
    this.current = { token: tokens.accessToken, expiresAt: tokens.expiresAt };
    this.loaded = true;
  }
}
