import type { DialpadProfile } from '../api';
import { AuthError as OAuthError } from '../auth/auth-error';
import { AuthError } from '../connection/errors';
import type { SocketTarget } from '../connection/types';
import type { AdapterDeps, ProviderAdapter, SecretUse } from './adapter';
import { DialpadRestClient, dialpadRestBase, type DialpadBearer } from './dialpad-rest';
import { DialpadSocketWatch } from './dialpad-socket-watch';
import { jwtExpiry } from './jwt-expiry';
import { ProviderHttpError } from './rest-client';
import type { ProviderSource } from './source';

export const dialpadAdapter: ProviderAdapter<DialpadProfile> = {
  provider: 'dialpad',

  secretsUsed(profile): SecretUse[] {
    const credential: SecretUse[] =
      profile.credential === 'apiKey'
        ? [{ kind: 'apiKey', required: true }]
        : [
            { kind: 'accessToken', required: true },
            { kind: 'refreshToken', required: false },
            { kind: 'clientSecret', required: profile.oauth?.clientSecretRequired ?? false },
          ];
    return [...credential, { kind: 'jwtSecret', required: false }];
  },

  setupProblem(profile): string | null {
    if (profile.connectWith === 'subscription') {
      return profile.subscriptionId === null ? 'Choose the Dialpad subscription this profile connects with.' : null;
    }
    return profile.websocketId === null ? 'Create or choose a Dialpad websocket for this profile first.' : null;
  },

  createSource(profile, deps): ProviderSource {
    const client = dialpadClient(profile, deps);
    const watch = new DialpadSocketWatch();
    /** Set when Dialpad refused a socket's token: the reconnect stops and asks for new credentials. */
    let refusal: string | null = null;
    return {
      provider: 'dialpad',
      decoder: watch,
      driver: {
        // Every connect and every renewal asks Dialpad for a freshly signed URL (its token lasts 1 hour).
        resolveTarget: async (): Promise<SocketTarget> => {
          if (refusal !== null) throw new AuthError(refusal);
          watch.useJwtSecret(await deps.secrets.get(profile.id, 'jwtSecret'));
          const url = await connectionError(() => socketUrl(profile, client));
          return { url, expiresAt: socketTokenExpiry(url) };
        },
        explainEnd: (end) => {
          if (!end.opened || !watch.isRefusal(end.reason, Date.now())) return null;
          refusal = `Dialpad refused the socket's token${end.reason ? ` ("${end.reason}")` : ''}: check that the websocket still exists and the credential is valid`;
          return { type: 'system.token_refused', text: refusal };
        },
      },
      dispose: async () => {},
    };
  },
};

/** The REST client of a profile, authenticated by its API key or its OAuth tokens. */
export function dialpadClient(profile: DialpadProfile, deps: AdapterDeps): DialpadRestClient {
  return new DialpadRestClient(dialpadRestBase(profile), dialpadBearer(profile, deps), deps.fetch);
}

function dialpadBearer(profile: DialpadProfile, deps: AdapterDeps): DialpadBearer {
  if (profile.credential === 'oauth') {
    const tokens = deps.oauthTokens(profile);
    return {
      token: () => tokens.getAccessToken(),
      refused: (token) => {
        tokens.invalidate(token);
        return true;
      },
    };
  }
  return {
    token: async () => {
      const key = await deps.secrets.get(profile.id, 'apiKey');
      if (key === null) throw new AuthError('no Dialpad API key is stored for this profile: enter it in the profile settings');
      return key;
    },
    refused: () => false,
  };
}

async function socketUrl(profile: DialpadProfile, client: DialpadRestClient): Promise<string> {
  if (profile.connectWith === 'subscription') {
    const { subscriptionType, subscriptionId } = profile;
    if (subscriptionType === null || subscriptionId === null) throw new AuthError('the profile names no subscription to connect with');
    const subscription = await client.getSubscription(subscriptionType, subscriptionId);
    if (subscription.websocketUrl === null) {
      throw new Error(`Dialpad returned ${subscriptionType} subscription ${subscriptionId} without a websocket URL`);
    }
    return subscription.websocketUrl;
  }
  if (profile.websocketId === null) throw new AuthError('the profile has no Dialpad websocket: create or choose one first');
  return (await client.getWebsocket(profile.websocketId)).websocketUrl;
}

/** Refusals stop the connection (new credentials are needed); anything else is retried with backoff. */
async function connectionError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderHttpError && error.isAuthRejection) throw new AuthError(error.message);
    // An unreachable token endpoint is a network problem, worth retrying; any other OAuth failure needs the user.
    if (error instanceof OAuthError && error.kind !== 'token_endpoint_unreachable') throw new AuthError(error.message);
    throw error;
  }
}

/** The token is the URL's last path segment (`/events/<jwt>`); its `exp` is when Dialpad cuts the socket. */
function socketTokenExpiry(url: string): number | null {
  const parsed = URL.parse(url);
  if (parsed === null) return null;
  const candidates = [parsed.pathname.split('/').pop() ?? '', ...parsed.searchParams.values()];
  for (const candidate of candidates) {
    const expiresAt = jwtExpiry(decodeURIComponent(candidate));
    if (expiresAt !== null) return expiresAt;
  }
  return null;
}
