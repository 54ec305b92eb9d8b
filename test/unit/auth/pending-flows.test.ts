import { describe, expect, it } from 'vitest';
import { AuthError, type AuthErrorKind } from '../../../src-main/core/auth/auth-error';
import type { FlowRequest } from '../../../src-main/core/auth/authorization-url';
import { FLOW_LIFETIME_MS, PendingFlows } from '../../../src-main/core/auth/pending-flows';
import { s256Challenge } from '../../../src-main/core/auth/pkce';

const CUSTOM = 'switchboard://oauth/callback';
const LOOPBACK = 'http://127.0.0.1:53682/oauth/callback';

function request(overrides: Partial<FlowRequest> = {}): FlowRequest {
  return {
    profileId: 'dialpad-1',
    authorizeUrl: 'https://dialpad.example/oauth2/authorize',
    clientId: 'client-abc',
    redirectUri: CUSTOM,
    scopes: ['recordings_export', 'offline_access'],
    ...overrides,
  };
}

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function callback(base: string, params: Record<string, string>): string {
  return `${base}?${new URLSearchParams(params).toString()}`;
}

function refusal(run: () => unknown): AuthError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('expected a refusal');
}

function expectRefusal(run: () => unknown, kind: AuthErrorKind): AuthError {
  const error = refusal(run);
  expect(error.kind).toBe(kind);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

describe('PendingFlows.start', () => {
  it('builds an authorization URL with PKCE S256, state, scopes and extra parameters', () => {
    const flows = new PendingFlows();
    const { state, authorizationUrl } = flows.start(request({ extraParams: { prompt: 'consent' } }));
    const url = new URL(authorizationUrl);
    expect(url.origin + url.pathname).toBe('https://dialpad.example/oauth2/authorize');
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('client-abc');
    expect(params.get('redirect_uri')).toBe(CUSTOM);
    expect(params.get('scope')).toBe('recordings_export offline_access');
    expect(params.get('state')).toBe(state);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('prompt')).toBe('consent');
    expect(state.length).toBeGreaterThanOrEqual(43);
  });

  it('hands back the verifier matching the challenge it sent', () => {
    const flows = new PendingFlows();
    const { state, authorizationUrl } = flows.start(request());
    const completed = flows.completeCallback(callback(CUSTOM, { code: 'the-code', state }));
    expect(s256Challenge(completed.verifier)).toBe(new URL(authorizationUrl).searchParams.get('code_challenge'));
    expect(completed).toMatchObject({ profileId: 'dialpad-1', code: 'the-code', clientId: 'client-abc', redirectUri: CUSTOM });
  });

  it('gives every flow its own state', () => {
    const flows = new PendingFlows();
    const states = new Set(Array.from({ length: 20 }, () => flows.start(request()).state));
    expect(states.size).toBe(20);
  });

  it('refuses bad requests clearly', () => {
    const flows = new PendingFlows();
    expectRefusal(() => flows.start(request({ authorizeUrl: 'not a url' })), 'invalid_flow_request');
    expectRefusal(() => flows.start(request({ authorizeUrl: 'javascript:alert(1)' })), 'invalid_flow_request');
    expectRefusal(() => flows.start(request({ redirectUri: 'https://evil.example/cb' })), 'invalid_flow_request');
    expectRefusal(() => flows.start(request({ redirectUri: `${CUSTOM}#x` })), 'invalid_flow_request');
    expectRefusal(() => flows.start(request({ clientId: '' })), 'invalid_flow_request');
    expectRefusal(() => flows.start(request({ extraParams: { code_challenge_method: 'plain' } })), 'invalid_flow_request');
    expect(flows.size).toBe(0);
  });
});

describe('PendingFlows.completeCallback', () => {
  it('accepts a matching callback once, on the custom scheme and on the loopback', () => {
    const flows = new PendingFlows();
    for (const redirectUri of [CUSTOM, LOOPBACK]) {
      const { state } = flows.start(request({ redirectUri }));
      const url = callback(redirectUri, { code: 'c0de', state });
      expect(flows.completeCallback(url).code).toBe('c0de');
      const replay = expectRefusal(() => flows.completeCallback(url), 'state_reused');
      expect(replay.profileId).toBe('dialpad-1');
    }
  });

  it('refuses an unknown or missing state', () => {
    const flows = new PendingFlows();
    flows.start(request());
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state: 'forged' })), 'state_unknown');
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c' })), 'state_missing');
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state: '' })), 'state_missing');
  });

  it('expires flows after 10 minutes', () => {
    const clock = fakeClock();
    const flows = new PendingFlows({ now: clock.now });
    const early = flows.start(request());
    const late = flows.start(request());
    clock.advance(FLOW_LIFETIME_MS - 1);
    expect(flows.completeCallback(callback(CUSTOM, { code: 'c', state: early.state })).code).toBe('c');
    clock.advance(1);
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state: late.state })), 'state_expired');
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state: late.state })), 'state_unknown');
  });

  it('forgets expired flows when new ones start', () => {
    const clock = fakeClock();
    const flows = new PendingFlows({ now: clock.now });
    flows.start(request());
    flows.start(request());
    clock.advance(FLOW_LIFETIME_MS);
    flows.start(request());
    expect(flows.size).toBe(1);
  });

  it('keeps a bounded number of flows', () => {
    const flows = new PendingFlows();
    const first = flows.start(request());
    for (let i = 0; i < 100; i++) flows.start(request());
    expect(flows.size).toBe(32);
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state: first.state })), 'state_unknown');
  });

  it('turns a provider error into a typed error the UI can show, and spends the flow', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request());
    const error = expectRefusal(
      () => flows.completeCallback(callback(CUSTOM, { error: 'access_denied', error_description: 'The user said no', state })),
      'provider_error',
    );
    expect(error.oauthError).toBe('access_denied');
    expect(error.description).toBe('The user said no');
    expect(error.profileId).toBe('dialpad-1');
    expect(error.message).toMatch(/cancelled or access was denied.*The user said no/);
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state })), 'state_reused');

    const other = flows.start(request());
    const invalidScope = expectRefusal(() => flows.completeCallback(callback(CUSTOM, { error: 'invalid_scope', state: other.state })), 'provider_error');
    expect(invalidScope.message).toBe('The provider refused the sign-in (invalid_scope).');
  });

  it('sanitizes provider error text', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request());
    const error = refusal(() =>
      flows.completeCallback(callback(CUSTOM, { error: 'server_error', error_description: `line1\r\nline2${'x'.repeat(1000)}`, state })),
    );
    expect(error.description).not.toMatch(/[\r\n]/);
    expect(error.description!.length).toBeLessThanOrEqual(301);
  });

  it('refuses a callback without a code', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request());
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { state })), 'code_missing');
  });

  it('refuses malformed URLs and wrong targets without echoing the URL', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request({ redirectUri: LOOPBACK }));
    const code = 'SECRET-CODE-1234';
    const cases: Array<[string, AuthErrorKind]> = [
      ['', 'callback_malformed'],
      ['not a url', 'callback_malformed'],
      [`http://127.0.0.1:53682/oauth/callback?code=${code}&state=${state}&state=other`, 'callback_malformed'],
      [`http://127.0.0.1:53682/oauth/callback?code=${code}&code=other&state=${state}`, 'callback_malformed'],
      [`http://user:pw@127.0.0.1:53682/oauth/callback?code=${code}&state=${state}`, 'callback_malformed'],
      [`https://127.0.0.1:53682/oauth/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`http://localhost:53682/oauth/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`http://evil.example/oauth/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`http://127.0.0.1:53682/other?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`switchboard://other/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`switchboard:oauth/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`mailto:x@example.com?code=${code}&state=${state}`, 'callback_wrong_target'],
      // Right shape, wrong place: this flow was started on the loopback port 53682.
      [`http://127.0.0.1:1234/oauth/callback?code=${code}&state=${state}`, 'callback_wrong_target'],
      [`${CUSTOM}?code=${code}&state=${state}`, 'callback_wrong_target'],
    ];
    for (const [url, kind] of cases) {
      const error = expectRefusal(() => flows.completeCallback(url), kind);
      expect(error.message).not.toContain(code);
    }
    expectRefusal(() => flows.completeCallback(undefined as unknown as string), 'callback_malformed');
    // None of those spent the flow: the real callback still works.
    expect(flows.completeCallback(callback(LOOPBACK, { code: 'real', state })).code).toBe('real');
  });

  it('refuses a callback from another issuer (RFC 9207) when the issuer is known', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request({ issuer: 'https://dialpad.example' }));
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state, iss: 'https://evil.example' })), 'issuer_mismatch');
    const ok = flows.start(request({ issuer: 'https://dialpad.example' }));
    expect(flows.completeCallback(callback(CUSTOM, { code: 'c', state: ok.state, iss: 'https://dialpad.example' })).code).toBe('c');
  });

  it('refuses a cancelled flow', () => {
    const flows = new PendingFlows();
    const { state } = flows.start(request());
    expect(flows.cancel(state)).toBe(true);
    expectRefusal(() => flows.completeCallback(callback(CUSTOM, { code: 'c', state })), 'state_unknown');
  });
});
