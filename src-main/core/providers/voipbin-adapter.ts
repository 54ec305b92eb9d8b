import type { VoipbinProfile } from '../api';
import { AuthError } from '../connection/errors';
import type { SocketTarget } from '../connection/types';
import type { AdapterDeps, ProviderAdapter, SecretUse } from './adapter';
import { jwtExpiry } from './jwt-expiry';
import { ProviderHttpError, requestJson } from './rest-client';
import type { ProviderSource } from './source';
import { createVoipbinDecoder } from './voipbin';

/** A socket dropped this soon after our subscribe was dropped because of it (VoIPBin sends no reply). */
const SUBSCRIBE_REJECTION_WINDOW_MS = 2_000;
/** Log in again when the 7-day token has less than this left. */
const RELOGIN_MARGIN_MS = 10 * 60_000;

export const SUBSCRIBE_REJECTED_TEXT = 'The server closed the connection right after subscribe: check topic and permissions';

export const voipbinAdapter: ProviderAdapter<VoipbinProfile> = {
  provider: 'voipbin',

  secretsUsed(profile): SecretUse[] {
    return [{ kind: profile.credential === 'login' ? 'password' : 'accessKey', required: true }];
  },

  setupProblem(profile): string | null {
    if (profile.topics.length === 0) return 'Add at least one VoIPBin topic to subscribe to.';
    if (profile.credential === 'login' && !profile.username) return 'Enter the VoIPBin username.';
    return null;
  },

  createSource(profile, deps): ProviderSource {
    let login: { token: string; expiresAt: number | null } | null = null;
    let subscribedAt: number | null = null;
    const socketBase = voipbinSocketUrl(profile.baseUrl);

    const credentialQuery = async (): Promise<string> => {
      if (profile.credential === 'accessKey') {
        const key = await deps.secrets.get(profile.id, 'accessKey');
        if (key === null) throw new AuthError('no VoIPBin access key is stored for this profile');
        return `accesskey=${encodeURIComponent(key)}`;
      }
      if (login === null || (login.expiresAt !== null && login.expiresAt - Date.now() < RELOGIN_MARGIN_MS)) {
        const token = await voipbinLogin(profile, deps);
        login = { token, expiresAt: jwtExpiry(token) };
      }
      return `token=${encodeURIComponent(login.token)}`;
    };

    return {
      provider: 'voipbin',
      decoder: createVoipbinDecoder(),
      driver: {
        resolveTarget: async (): Promise<SocketTarget> => ({ url: `${socketBase}?${await credentialQuery()}` }),
        // Subscriptions die with the socket: every open subscribes again.
        handshake: async (ctx) => {
          ctx.send(JSON.stringify({ type: 'subscribe', topics: profile.topics }));
          subscribedAt = Date.now();
        },
        explainEnd: (end) => {
          const sinceSubscribe = subscribedAt === null ? null : Date.now() - subscribedAt;
          subscribedAt = null;
          if (!end.opened || sinceSubscribe === null || sinceSubscribe > SUBSCRIBE_REJECTION_WINDOW_MS) return null;
          return { type: 'system.subscribe_rejected', text: SUBSCRIBE_REJECTED_TEXT };
        },
      },
      dispose: async () => {},
    };
  },
};

/** `https://api.voipbin.net` -> `wss://api.voipbin.net/v1.0/ws`. */
export function voipbinSocketUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1.0/ws`;
  url.search = '';
  return url.toString();
}

/** `POST /auth/login` at the root (not under /v1.0); a bad login is HTTP 400. */
async function voipbinLogin(profile: VoipbinProfile, deps: AdapterDeps): Promise<string> {
  const password = await deps.secrets.get(profile.id, 'password');
  if (password === null) throw new AuthError('no VoIPBin password is stored for this profile');
  let reply: unknown;
  try {
    ({ value: reply } = await requestJson(
      { method: 'POST', url: `${profile.baseUrl}/auth/login`, body: { username: profile.username, password }, purpose: 'log in to VoIPBin' },
      { service: 'VoIPBin', fetch: deps.fetch, secrets: [password] },
    ));
  } catch (error) {
    if (error instanceof ProviderHttpError && (error.status === 400 || error.isAuthRejection)) {
      throw new AuthError(`VoIPBin refused the username or password (HTTP ${error.status})`);
    }
    throw error;
  }
  const token = (reply as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || token === '') throw new Error('VoIPBin answered the login without a token');
  return token;
}
