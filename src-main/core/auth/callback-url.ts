import { AuthError } from './auth-error';

export const CUSTOM_SCHEME_REDIRECT_URI = 'switchboard://oauth/callback';
export const LOOPBACK_HOST = '127.0.0.1';
export const LOOPBACK_CALLBACK_PATH = '/oauth/callback';

export interface CallbackParams {
  /** Scheme, host, port and path: what must equal the flow's redirect URI. */
  target: string;
  state: string | null;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
  issuer: string | null;
}

const SINGLE_VALUED = ['state', 'code', 'error', 'error_description', 'iss'] as const;

/**
 * Reads an authorization response that arrived through the custom protocol or the loopback
 * receiver. Only our two redirect targets are accepted; the text of a rejected URL is never
 * repeated in the error because it may carry a code.
 */
export function parseCallbackUrl(callbackUrl: string): CallbackParams {
  const url = typeof callbackUrl === 'string' ? URL.parse(callbackUrl) : null;
  if (url === null) throw new AuthError('callback_malformed', 'The sign-in callback is not a valid URL.');
  if (!isCallbackTarget(url)) {
    throw new AuthError(
      'callback_wrong_target',
      `The sign-in callback must go to ${CUSTOM_SCHEME_REDIRECT_URI} or http://${LOOPBACK_HOST}:<port>${LOOPBACK_CALLBACK_PATH}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new AuthError('callback_malformed', 'The sign-in callback URL must not carry user information.');
  }
  // RFC 6749 section 3.1: parameters must not repeat; a second `state` or `code` is an injection attempt.
  for (const name of SINGLE_VALUED) {
    if (url.searchParams.getAll(name).length > 1) {
      throw new AuthError('callback_malformed', `The sign-in callback repeats the "${name}" parameter.`);
    }
  }
  const read = (name: string): string | null => {
    const value = url.searchParams.get(name);
    return value === null || value === '' ? null : value;
  };
  return {
    target: callbackTarget(url),
    state: read('state'),
    code: read('code'),
    error: read('error'),
    errorDescription: read('error_description'),
    issuer: read('iss'),
  };
}

/** The comparable form of a redirect URI (no query, no fragment). */
export function callbackTarget(url: URL): string {
  return url.protocol === 'switchboard:' ? `switchboard://${url.host}${url.pathname}` : `${url.origin}${url.pathname}`;
}

export function isCallbackTarget(url: URL): boolean {
  if (url.protocol === 'switchboard:') return url.host === 'oauth' && url.pathname === '/callback' && url.port === '';
  return url.protocol === 'http:' && url.hostname === LOOPBACK_HOST && url.pathname === LOOPBACK_CALLBACK_PATH;
}

export function loopbackRedirectUri(port: number): string {
  return `http://${LOOPBACK_HOST}:${port}${LOOPBACK_CALLBACK_PATH}`;
}
