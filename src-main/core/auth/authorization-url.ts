import { AuthError } from './auth-error';
import { isCallbackTarget } from './callback-url';

export interface FlowRequest {
  profileId: string;
  /** The provider's authorize endpoint, e.g. `https://dialpad.com/oauth2/authorize`. */
  authorizeUrl: string;
  clientId: string;
  /** `switchboard://oauth/callback` or `http://127.0.0.1:<port>/oauth/callback`. */
  redirectUri: string;
  scopes: readonly string[];
  /** Provider extras such as `prompt=consent`; they cannot override the PKCE and state parameters. */
  extraParams?: Readonly<Record<string, string>>;
  /** When set, a callback carrying a different `iss` (RFC 9207) is refused: mix-up defence. */
  issuer?: string;
}

/** Parameters this module owns: a caller's extras must not weaken them. */
const RESERVED = new Set(['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method']);

export function buildAuthorizationUrl(request: FlowRequest, state: string, challenge: string): string {
  const base = URL.parse(request.authorizeUrl);
  if (base === null || (base.protocol !== 'https:' && base.protocol !== 'http:')) {
    throw new AuthError('invalid_flow_request', 'The authorization URL of this profile must be an http(s) URL.');
  }
  const redirect = URL.parse(request.redirectUri);
  if (redirect === null || !isCallbackTarget(redirect) || redirect.search !== '' || redirect.hash !== '') {
    throw new AuthError('invalid_flow_request', 'The redirect URI must be switchboard://oauth/callback or a 127.0.0.1 loopback callback.');
  }
  if (request.clientId === '') throw new AuthError('invalid_flow_request', 'This profile has no OAuth client id.');
  if (request.profileId === '') throw new AuthError('invalid_flow_request', 'A sign-in needs a profile id.');
  for (const name of Object.keys(request.extraParams ?? {})) {
    if (RESERVED.has(name)) throw new AuthError('invalid_flow_request', `The extra parameter "${name}" is set by Switchboard itself.`);
  }
  const url = new URL(base);
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  if (request.scopes.length > 0) params.set('scope', request.scopes.join(' '));
  params.set('state', state);
  params.set('code_challenge', challenge);
  params.set('code_challenge_method', 'S256');
  for (const [name, value] of Object.entries(request.extraParams ?? {})) params.set(name, value);
  return url.href;
}
