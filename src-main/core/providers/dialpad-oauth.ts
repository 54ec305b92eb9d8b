import { refresh } from '../auth/token-client';
import { TokenManager } from '../auth/token-manager';
import type { DialpadProfile } from '../api';
import type { SecretStore } from '../secrets/secret-store';
import { dialpadHost } from './dialpad-rest';
import type { FetchFn } from './rest-client';

/**
 * One TokenManager per Dialpad OAuth profile for the whole process: two managers refreshing the
 * same grant would each spend the (rotating) refresh token, and the second would be refused.
 */
export class DialpadTokenManagers {
  private readonly managers = new Map<string, { settingsKey: string; manager: TokenManager }>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly fetchFn: FetchFn,
  ) {}

  forProfile(profile: DialpadProfile): TokenManager {
    const host = dialpadHost(profile);
    const clientId = profile.oauth?.clientId ?? '';
    // A changed host or client is another grant: start over rather than refresh at the wrong place.
    const settingsKey = `${host}\n${clientId}`;
    const known = this.managers.get(profile.id);
    if (known?.settingsKey === settingsKey) return known.manager;
    const manager = new TokenManager({
      profileId: profile.id,
      secrets: this.secrets,
      refresh: async (refreshToken) => {
        const clientSecret = profile.oauth?.clientSecretRequired ? await this.secrets.get(profile.id, 'clientSecret') : null;
        return refresh(
          { tokenUrl: `${host}/oauth2/token`, clientId, refreshToken, ...(clientSecret === null ? {} : { clientSecret }) },
          { fetch: this.fetchFn },
        );
      },
    });
    this.managers.set(profile.id, { settingsKey, manager });
    return manager;
  }

  forget(profileId: string): void {
    this.managers.delete(profileId);
  }
}
