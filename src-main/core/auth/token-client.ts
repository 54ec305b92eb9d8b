import { AuthError, type AuthErrorKind } from './auth-error';
import { providerText } from './redact';
import { parseTokenResponse, type TokenSet } from './token-set';

/** Dialpad's spec says JSON, its server also takes the form encoding every other provider uses. */
export type TokenBodyEncoding = 'form' | 'json';

export interface TokenEndpointOptions {
  bodyEncoding?: TokenBodyEncoding;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface CodeExchangeRequest {
  tokenUrl: string;
  code: string;
  verifier: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface RefreshRequest {
  tokenUrl: string;
  refreshToken: string;
  clientId: string;
  clientSecret?: string;
}

export interface RevokeRequest {
  url: string;
  accessToken: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export async function exchangeCode(request: CodeExchangeRequest, options: TokenEndpointOptions = {}): Promise<TokenSet> {
  const secrets = [request.code, request.verifier, request.clientSecret];
  const body = withClientSecret(
    {
      grant_type: 'authorization_code',
      code: request.code,
      code_verifier: request.verifier,
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
    },
    request.clientSecret,
  );
  return tokenRequest(request.tokenUrl, body, secrets, 'exchange the authorization code', options);
}

/**
 * The answer may carry a new refresh token (rotation): the caller must keep it and drop the one
 * it sent. When it carries none, the old one stays valid (RFC 6749 section 6).
 */
export async function refresh(request: RefreshRequest, options: TokenEndpointOptions = {}): Promise<TokenSet> {
  const secrets = [request.refreshToken, request.clientSecret];
  const body = withClientSecret(
    { grant_type: 'refresh_token', refresh_token: request.refreshToken, client_id: request.clientId },
    request.clientSecret,
  );
  try {
    return await tokenRequest(request.tokenUrl, body, secrets, 'refresh the access token', options);
  } catch (error) {
    if (error instanceof AuthError && error.oauthError === 'invalid_grant') {
      throw new AuthError('reauthorization_required', `Your sign-in has expired or was revoked: sign in again. (${error.message})`, {
        ...(error.status === undefined ? {} : { status: error.status }),
        oauthError: 'invalid_grant',
        ...(error.description === undefined ? {} : { description: error.description }),
      });
    }
    throw error;
  }
}

/** Dialpad style: `POST /oauth2/deauthorize` with the token as bearer, no body. */
export async function revoke(request: RevokeRequest, options: TokenEndpointOptions = {}): Promise<void> {
  const secrets = [request.accessToken];
  const response = await send(request.url, { method: 'POST', headers: { authorization: `Bearer ${request.accessToken}`, accept: 'application/json' } }, 'revoke the sign-in', options);
  if (response.ok) return;
  throw await rejection('revoke_failed', response, secrets, 'revoke the sign-in');
}

async function tokenRequest(
  tokenUrl: string,
  fields: Record<string, string>,
  secrets: readonly (string | undefined)[],
  purpose: string,
  options: TokenEndpointOptions,
): Promise<TokenSet> {
  const json = options.bodyEncoding === 'json';
  const response = await send(
    tokenUrl,
    {
      method: 'POST',
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    },
    purpose,
    options,
  );
  if (!response.ok) throw await rejection('token_request_rejected', response, secrets, purpose);
  const receivedAt = (options.now ?? Date.now)();
  let parsed: unknown;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    throw new AuthError('token_response_invalid', `Could not ${purpose}: the token endpoint did not answer with JSON.`, { status: response.status });
  }
  return parseTokenResponse(parsed, receivedAt);
}

async function send(url: string, init: RequestInit, purpose: string, options: TokenEndpointOptions): Promise<Response> {
  const target = URL.parse(url);
  if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    throw new AuthError('token_endpoint_unreachable', `Could not ${purpose}: the endpoint URL of this profile is not an http(s) URL.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    // No redirects: following one would send the code or secret to a server we did not choose.
    response = await (options.fetch ?? fetch)(target, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new AuthError('token_endpoint_unreachable', `Could not ${purpose}: ${target.origin} ${networkReason(error, timeoutMs)}.`);
  }
  return response;
}

async function rejection(kind: AuthErrorKind, response: Response, secrets: readonly (string | undefined)[], purpose: string): Promise<AuthError> {
  const { error, description } = oauthErrorFields(await response.text().catch(() => ''), secrets);
  const what = response.status >= 300 && response.status < 400 ? 'redirected elsewhere, which is not allowed' : `answered HTTP ${response.status}`;
  const detail = [error, description].filter((part) => part !== undefined).join(': ');
  return new AuthError(kind, `Could not ${purpose}: the server ${what}${detail === '' ? '' : ` (${detail})`}.`, {
    status: response.status,
    ...(error === undefined ? {} : { oauthError: error }),
    ...(description === undefined ? {} : { description }),
  });
}

/** `{error, error_description}` per RFC 6749 section 5.2, or `{error: {message}}` as some APIs do. */
function oauthErrorFields(text: string, secrets: readonly (string | undefined)[]): { error?: string; description?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== 'object' || body === null) return {};
  const fields = body as Record<string, unknown>;
  const nested = typeof fields['error'] === 'object' && fields['error'] !== null ? (fields['error'] as Record<string, unknown>) : null;
  const error = typeof fields['error'] === 'string' ? fields['error'] : undefined;
  const description = firstString(fields['error_description'], nested?.['message'], fields['message']);
  return {
    ...(error === undefined ? {} : { error: providerText(error, secrets) }),
    ...(description === undefined ? {} : { description: providerText(description, secrets) }),
  };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `could not be reached (${cause.code})` : 'could not be reached';
}

function withClientSecret(fields: Record<string, string>, clientSecret: string | undefined): Record<string, string> {
  return clientSecret === undefined || clientSecret === '' ? fields : { ...fields, client_secret: clientSecret };
}
