import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/auth/auth-error';
import type { FlowRequest } from '../../../src-main/core/auth/authorization-url';
import { startLoopbackReceiver, type LoopbackReceiver } from '../../../src-main/core/auth/loopback-receiver';
import { PendingFlows } from '../../../src-main/core/auth/pending-flows';
import { createPkcePair } from '../../../src-main/core/auth/pkce';
import { exchangeCode, refresh } from '../../../src-main/core/auth/token-client';
import { TokenManager } from '../../../src-main/core/auth/token-manager';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { CLIENT_ID, startAuthorizationServer, type AuthorizationServer } from './authorization-server';
import { authorizeInBrowser, launchChromium } from './browser';

const PROFILE = 'oidc-test';

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(AuthError);
  return outcome as AuthError;
}

describe('OAuth code + PKCE against a real authorization server (oidc-provider v9)', { timeout: 60_000 }, () => {
  let server: AuthorizationServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let flows: PendingFlows;
  let receiver: LoopbackReceiver;

  const flowRequest = (redirectUri: string): FlowRequest => ({
    profileId: PROFILE,
    authorizeUrl: server.authorizeUrl,
    clientId: CLIENT_ID,
    redirectUri,
    scopes: ['openid', 'offline_access'],
    // oidc-provider only grants offline_access (a refresh token) with an explicit consent prompt.
    extraParams: { prompt: 'consent' },
    issuer: server.issuer,
  });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAuthorizationServer(), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    flows = new PendingFlows();
    receiver = await startLoopbackReceiver({ flows, timeoutMs: 30_000 });
  });

  afterEach(async () => {
    await receiver.close();
    await context.close();
  });

  it('signs in through the browser and the loopback redirect, exchanges the code, refreshes with rotation', async () => {
    const { authorizationUrl } = flows.start(flowRequest(receiver.redirectUri));
    const callbackUrl = await authorizeInBrowser(page, authorizationUrl, receiver.redirectUri, 'alice');
    const completed = await receiver.result;
    expect(completed.profileId).toBe(PROFILE);
    expect(await page.textContent('body')).toContain('You can close this tab and return to Switchboard');

    // The same callback again, as a second protocol activation would deliver it: refused.
    const replay = (() => {
      try {
        flows.completeCallback(callbackUrl);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(replay).toMatchObject({ kind: 'state_reused' });

    const tokens = await exchangeCode({
      tokenUrl: server.tokenUrl,
      code: completed.code,
      verifier: completed.verifier,
      clientId: completed.clientId,
      redirectUri: completed.redirectUri,
    });
    expect(tokens.accessToken).not.toBe('');
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.refreshToken).not.toBeNull();
    expect(tokens.idToken).not.toBeNull();
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());

    const userinfo = await fetch(server.userinfoUrl, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: 'alice' });

    const secrets = new MemorySecretStore();
    const manager = new TokenManager({
      profileId: PROFILE,
      secrets,
      refresh: (refreshToken) => refresh({ tokenUrl: server.tokenUrl, refreshToken, clientId: CLIENT_ID }),
    });
    await manager.store(tokens);
    expect(await manager.getAccessToken()).toBe(tokens.accessToken);

    manager.invalidate(tokens.accessToken);
    const [first, second] = await Promise.all([manager.getAccessToken(), manager.getAccessToken()]);
    expect(first).toBe(second);
    expect(first).not.toBe(tokens.accessToken);
    const rotated = await secrets.get(PROFILE, 'refreshToken');
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(tokens.refreshToken);

    manager.invalidate();
    const third = await manager.getAccessToken();
    expect(third).not.toBe(first);
    expect(await secrets.get(PROFILE, 'refreshToken')).not.toBe(rotated);

    // The first refresh token was rotated away: presenting it again is refused.
    const stale = await rejection(refresh({ tokenUrl: server.tokenUrl, refreshToken: tokens.refreshToken!, clientId: CLIENT_ID }));
    expect(stale.kind).toBe('reauthorization_required');
    expect(stale.message).not.toContain(tokens.refreshToken!);

    // The code is single-use at the server too (last: a replayed code revokes what it issued).
    const reused = await rejection(
      exchangeCode({ tokenUrl: server.tokenUrl, code: completed.code, verifier: completed.verifier, clientId: CLIENT_ID, redirectUri: completed.redirectUri }),
    );
    expect(reused.oauthError).toBe('invalid_grant');
  });

  it('the server refuses a code presented with the wrong verifier', async () => {
    const { authorizationUrl } = flows.start(flowRequest(receiver.redirectUri));
    await authorizeInBrowser(page, authorizationUrl, receiver.redirectUri, 'bob');
    const completed = await receiver.result;

    const wrongVerifier = createPkcePair().verifier;
    const error = await rejection(
      exchangeCode({ tokenUrl: server.tokenUrl, code: completed.code, verifier: wrongVerifier, clientId: CLIENT_ID, redirectUri: completed.redirectUri }),
    );
    expect(error.kind).toBe('token_request_rejected');
    expect(error.status).toBe(400);
    expect(error.oauthError).toBe('invalid_grant');
    for (const secret of [completed.code, wrongVerifier, completed.verifier]) expect(error.message).not.toContain(secret);
  });

  it('a user who cancels gets a clear provider error, on the page and from the receiver', async () => {
    const { authorizationUrl } = flows.start(flowRequest(receiver.redirectUri));
    await authorizeInBrowser(page, authorizationUrl, receiver.redirectUri, 'carol', 'cancel');
    const error = await rejection(receiver.result);
    expect(error.kind).toBe('provider_error');
    expect(error.oauthError).toBe('access_denied');
    expect(error.profileId).toBe(PROFILE);
    expect(await page.textContent('body')).toContain('Sign-in was cancelled or access was denied');
  });
});
