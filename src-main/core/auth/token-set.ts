import { AuthError } from './auth-error';

/** The tokens of one profile after an exchange or a refresh. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** ms since epoch; null when the provider did not say (`expires_in` absent). */
  expiresAt: number | null;
  /** Null when the provider issued none (no `offline_access`), or kept the old one on refresh. */
  refreshToken: string | null;
  idToken: string | null;
  scope: string | null;
}

/** Reads a token endpoint's JSON answer; the error never repeats the body, which holds tokens. */
export function parseTokenResponse(body: unknown, receivedAt: number): TokenSet {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The token endpoint answered with something other than a JSON object.');
  }
  const fields = body as Record<string, unknown>;
  const accessToken = fields['access_token'];
  if (typeof accessToken !== 'string' || accessToken === '') throw invalid('The token endpoint answered without an access_token.');
  return {
    accessToken,
    // Some providers omit it; every one we talk to issues bearer tokens.
    tokenType: optionalString(fields, 'token_type') ?? 'Bearer',
    expiresAt: expiresAt(fields['expires_in'], receivedAt),
    refreshToken: optionalString(fields, 'refresh_token'),
    idToken: optionalString(fields, 'id_token'),
    scope: optionalString(fields, 'scope'),
  };
}

function expiresAt(expiresIn: unknown, receivedAt: number): number | null {
  if (expiresIn === undefined || expiresIn === null) return null;
  const seconds = typeof expiresIn === 'string' && expiresIn.trim() !== '' ? Number(expiresIn) : expiresIn;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw invalid('The token endpoint answered with an expires_in that is not a number of seconds.');
  }
  return receivedAt + seconds * 1000;
}

function optionalString(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(`The token endpoint answered with a ${name} that is not text.`);
  return value === '' ? null : value;
}

function invalid(message: string): AuthError {
  return new AuthError('token_response_invalid', message);
}
