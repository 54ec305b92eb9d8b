import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/auth/auth-error';
import { exchangeCode, refresh, revoke, type TokenEndpointOptions } from '../../../src-main/core/auth/token-client';

const TOKEN_URL = 'https://dialpad.example/oauth2/token';

/** Recognizable, distinct, and long: any leak of any of them shows up in a plain substring scan. */
const PLANTED = {
  code: 'PLANTED-code-7f3a9c1e5b2d',
  verifier: 'PLANTED-verifier-0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
  clientSecret: 'PLANTED-client-secret-9e8d7c6b',
  refreshToken: 'PLANTED-refresh-token-5a4b3c2d',
  accessToken: 'PLANTED-access-token-1f2e3d4c',
};
const ALL_PLANTED = Object.values(PLANTED);

interface Seen {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    seen.push(call);
    return answer(call);
  }) as typeof fetch;
  return { fetch: fetchImpl, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const exchange = (options: TokenEndpointOptions) =>
  exchangeCode(
    { tokenUrl: TOKEN_URL, code: PLANTED.code, verifier: PLANTED.verifier, clientId: 'client-1', clientSecret: PLANTED.clientSecret, redirectUri: 'switchboard://oauth/callback' },
    options,
  );
const refreshPlanted = (options: TokenEndpointOptions) =>
  refresh({ tokenUrl: TOKEN_URL, refreshToken: PLANTED.refreshToken, clientId: 'client-1', clientSecret: PLANTED.clientSecret }, options);
const revokePlanted = (options: TokenEndpointOptions) => revoke({ url: 'https://dialpad.example/oauth2/deauthorize', accessToken: PLANTED.accessToken }, options);

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

function expectNoSecret(error: AuthError): void {
  const texts = [error.message, error.description ?? '', error.oauthError ?? '', String(error), error.stack ?? '', JSON.stringify({ ...error })];
  for (const text of texts) {
    for (const secret of ALL_PLANTED) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
    }
  }
}

describe('token client requests', () => {
  it('exchanges a code form-encoded by default and parses the token set', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json(200, { access_token: 'at-1', expires_in: 3600, refresh_token: 'rt-1', token_type: 'bearer', id_token: 'idt', scope: 'a b' }),
    );
    const tokens = await exchange({ fetch, now: () => 1000 });
    expect(tokens).toEqual({ accessToken: 'at-1', tokenType: 'bearer', expiresAt: 1000 + 3_600_000, refreshToken: 'rt-1', idToken: 'idt', scope: 'a b' });
    const [call] = seen;
    expect(call?.url).toBe(TOKEN_URL);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.redirect).toBe('manual');
    expect((call?.init.headers as Record<string, string>)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(call?.init.body)))).toEqual({
      grant_type: 'authorization_code',
      code: PLANTED.code,
      code_verifier: PLANTED.verifier,
      client_id: 'client-1',
      client_secret: PLANTED.clientSecret,
      redirect_uri: 'switchboard://oauth/callback',
    });
  });

  it('can send JSON bodies, as Dialpad documents', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { access_token: 'at-2', refresh_token: 'rt-2' }));
    const tokens = await refreshPlanted({ fetch, bodyEncoding: 'json' });
    expect(tokens).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2', tokenType: 'Bearer', expiresAt: null, idToken: null });
    expect((seen[0]?.init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: PLANTED.refreshToken,
      client_id: 'client-1',
      client_secret: PLANTED.clientSecret,
    });
  });

  it('leaves out client_secret for public clients', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, { access_token: 'at', expires_in: '60' }));
    const tokens = await refresh({ tokenUrl: TOKEN_URL, refreshToken: 'rt', clientId: 'public' }, { fetch, now: () => 0 });
    expect(tokens.expiresAt).toBe(60_000);
    expect(new URLSearchParams(String(seen[0]?.init.body)).has('client_secret')).toBe(false);
  });

  it('revokes with the access token as bearer', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, {}));
    await revokePlanted({ fetch });
    expect(seen[0]?.url).toBe('https://dialpad.example/oauth2/deauthorize');
    expect((seen[0]?.init.headers as Record<string, string>)['authorization']).toBe(`Bearer ${PLANTED.accessToken}`);
  });
});

describe('token client errors', () => {
  it('reports the OAuth error and status clearly', async () => {
    const { fetch } = fakeFetch(() => json(400, { error: 'invalid_client', error_description: 'client authentication failed' }));
    const error = await failure(exchange({ fetch }));
    expect(error.kind).toBe('token_request_rejected');
    expect(error.status).toBe(400);
    expect(error.oauthError).toBe('invalid_client');
    expect(error.message).toBe('Could not exchange the authorization code: the server answered HTTP 400 (invalid_client: client authentication failed).');
  });

  it('says "sign in again" when a refresh token is refused', async () => {
    const { fetch } = fakeFetch(() => json(400, { error: 'invalid_grant', error_description: 'grant request is invalid' }));
    const error = await failure(refreshPlanted({ fetch }));
    expect(error.kind).toBe('reauthorization_required');
    expect(error.message).toMatch(/sign in again/);
    expect(error.status).toBe(400);
  });

  it('never puts a secret in any error text, whatever the server sends back', async () => {
    // A server can only echo what it was sent; anything else it knows, we cannot know to hide.
    const echo = (seen: Seen) => `${String(seen.init.body)} ${JSON.stringify(seen.init.headers)}`;
    const answers: Array<(seen: Seen) => Response | Promise<Response>> = [
      (seen) => json(400, { error: 'invalid_grant', error_description: `bad value ${echo(seen)}` }),
      (seen) => json(401, { error: `invalid_client ${echo(seen)}` }),
      (seen) => json(401, { error: { message: `unauthorized ${echo(seen)}` } }),
      (seen) => json(500, { message: echo(seen) }),
      (seen) => new Response(`<html>${echo(seen)}</html>`, { status: 502 }),
      (seen) => json(400, { error: 'invalid_request', error_description: encodeURIComponent(echo(seen)) }),
      (seen) => new Response(null, { status: 302, headers: { location: `https://elsewhere.example/?${echo(seen)}` } }),
      (seen) => new Response(`not json ${echo(seen)}`, { status: 200 }),
      () => json(200, { refresh_token: PLANTED.refreshToken, id_token: PLANTED.accessToken }),
      () => json(200, { access_token: PLANTED.accessToken, expires_in: 'soon' }),
      () => json(200, { access_token: PLANTED.accessToken, refresh_token: 42 }),
      () => json(200, [PLANTED.accessToken]),
      (seen) => {
        throw new TypeError(`fetch failed ${echo(seen)}`, { cause: Object.assign(new Error(echo(seen)), { code: 'ECONNREFUSED' }) });
      },
      (seen) => {
        throw new DOMException(`The operation was aborted due to timeout ${echo(seen)}`, 'TimeoutError');
      },
    ];
    let checked = 0;
    for (const answer of answers) {
      const { fetch } = fakeFetch(answer);
      for (const attempt of [exchange, refreshPlanted, revokePlanted]) {
        const outcome = await attempt({ fetch }).then(
          () => null,
          (caught: unknown) => caught,
        );
        if (outcome === null) continue; // revoke succeeds on a 200 whatever the body says
        expect(outcome).toBeInstanceOf(AuthError);
        expectNoSecret(outcome as AuthError);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(answers.length * 2);
  });

  it('hides long token-like strings a server puts in its error text', async () => {
    const foreign = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const { fetch } = fakeFetch(() => json(400, { error: 'invalid_grant', error_description: `token ${foreign} is expired` }));
    const error = await failure(exchange({ fetch }));
    expect(error.description).toBe('token [redacted] is expired');
    expect(error.message).not.toContain(foreign);
  });

  it('names network failures by origin and reason', async () => {
    const refused = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    });
    const error = await failure(exchange({ fetch: refused.fetch }));
    expect(error.kind).toBe('token_endpoint_unreachable');
    expect(error.message).toBe('Could not exchange the authorization code: https://dialpad.example could not be reached (ECONNREFUSED).');

    const slow = await failure(exchange({ timeoutMs: 30, fetch: ((_: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    })) as typeof fetch }));
    expect(slow.message).toMatch(/did not answer within 0 s/);
  });

  it('refuses redirects and non-http endpoints', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/' } }));
    expect((await failure(exchange({ fetch }))).message).toMatch(/redirected elsewhere, which is not allowed/);
    const error = await failure(exchangeCode({ tokenUrl: 'file:///etc/passwd', code: 'c', verifier: 'v', clientId: 'x', redirectUri: 'switchboard://oauth/callback' }));
    expect(error.kind).toBe('token_endpoint_unreachable');
  });

  it('reports a refused revocation', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: 'invalid_token', error_description: 'unknown access token' }));
    const error = await failure(revokePlanted({ fetch }));
    expect(error.kind).toBe('revoke_failed');
    expect(error.message).toBe('Could not revoke the sign-in: the server answered HTTP 401 (invalid_token: unknown access token).');
  });
});
