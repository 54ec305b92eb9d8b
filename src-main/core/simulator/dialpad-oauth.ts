import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { HttpError, sendJson, type HttpRouter, type RouteContext } from './http-router';

/** Dialpad's OAuth 2.0 code flow with PKCE, consent granted automatically. */

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const ACCESS_LIFETIME_SEC = 3600;

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  challenge: string | null;
  expiresAt: number;
}

interface Grant {
  clientId: string;
  scope: string;
}

function opaque(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function field(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

export class DialpadOAuth {
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, Grant & { expiresAt: number; refreshToken: string }>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(private readonly rejectsCredentials: () => boolean) {}

  isValidAccessToken(token: string): boolean {
    const grant = this.accessTokens.get(token);
    return grant !== undefined && grant.expiresAt > Date.now();
  }

  register(router: HttpRouter): void {
    router
      .add('GET', '/oauth2/authorize', (context) => this.authorize(context))
      .add('POST', '/oauth2/token', (context) => this.token(context))
      .add('POST', '/oauth2/deauthorize', (context) => this.deauthorize(context));
  }

  /** The consent page: consent is automatic, so it redirects straight back with code and state. */
  private authorize({ url, response }: RouteContext): void {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    const clientId = query.get('client_id') ?? '';
    if (query.get('response_type') !== 'code') throw new HttpError(400, 'response_type must be code');
    if (clientId === '') throw new HttpError(400, 'client_id is required');
    if (redirectUri === '' || redirectUri.includes('#') || !URL.canParse(redirectUri)) throw new HttpError(400, 'invalid redirect_uri');
    const challenge = query.get('code_challenge');
    if (challenge !== null && query.get('code_challenge_method') !== 'S256') throw new HttpError(400, 'code_challenge_method must be S256');
    const code = opaque('code_');
    this.codes.set(code, { clientId, redirectUri, scope: query.get('scope') ?? '', challenge, expiresAt: Date.now() + CODE_LIFETIME_MS });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    const html = `<!doctype html><title>Dialpad (simulated)</title><p>Access granted. Continue to <a href="${target.href.replace(/"/g, '&quot;')}">the app</a>.</p>`;
    response.writeHead(302, { location: target.href, 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  }

  private token({ body, response }: RouteContext): void {
    if (this.rejectsCredentials()) return oauthError(response, 401, 'invalid_client', 'client rejected');
    const grantType = field(body, 'grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(body, response);
    if (grantType === 'refresh_token') return this.refresh(body, response);
    oauthError(response, 400, 'unsupported_grant_type', `unsupported grant_type ${grantType ?? ''}`);
  }

  private exchangeCode(body: Record<string, unknown>, response: ServerResponse): void {
    const code = field(body, 'code') ?? '';
    const pending = this.codes.get(code);
    // A code works once, whatever happens next.
    this.codes.delete(code);
    if (pending === undefined || pending.expiresAt < Date.now()) return oauthError(response, 400, 'invalid_grant', 'unknown or expired code');
    if (field(body, 'client_id') !== null && field(body, 'client_id') !== pending.clientId) {
      return oauthError(response, 400, 'invalid_grant', 'client_id does not match the code');
    }
    const redirectUri = field(body, 'redirect_uri');
    if (redirectUri !== null && redirectUri !== pending.redirectUri) return oauthError(response, 400, 'invalid_grant', 'redirect_uri mismatch');
    if (pending.challenge !== null) {
      const verifier = field(body, 'code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
        return oauthError(response, 400, 'invalid_grant', 'code_verifier does not match code_challenge');
      }
    }
    this.issue(response, { clientId: pending.clientId, scope: pending.scope });
  }

  /** Refresh tokens rotate: the one used is dead afterwards. */
  private refresh(body: Record<string, unknown>, response: ServerResponse): void {
    const refreshToken = field(body, 'refresh_token') ?? '';
    const grant = this.refreshTokens.get(refreshToken);
    if (grant === undefined) return oauthError(response, 400, 'invalid_grant', 'unknown refresh_token');
    this.refreshTokens.delete(refreshToken);
    this.issue(response, grant);
  }

  private issue(response: ServerResponse, grant: Grant): void {
    const accessToken = opaque('at_');
    const refreshToken = opaque('rt_');
    this.accessTokens.set(accessToken, { ...grant, refreshToken, expiresAt: Date.now() + ACCESS_LIFETIME_SEC * 1000 });
    this.refreshTokens.set(refreshToken, grant);
    sendJson(response, 200, {
      access_token: accessToken,
      expires_in: ACCESS_LIFETIME_SEC,
      refresh_token: refreshToken,
      token_type: 'bearer',
      scope: grant.scope,
    });
  }

  private deauthorize({ request, response }: RouteContext): void {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const grant = this.accessTokens.get(token);
    if (grant === undefined) return oauthError(response, 401, 'invalid_token', 'unknown access token');
    this.accessTokens.delete(token);
    this.refreshTokens.delete(grant.refreshToken);
    sendJson(response, 200, {});
  }
}

function oauthError(response: ServerResponse, status: number, error: string, description: string): void {
  sendJson(response, status, { error, error_description: description });
}
