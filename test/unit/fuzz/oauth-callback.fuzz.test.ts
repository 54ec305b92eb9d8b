import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/auth/auth-error';
import { PendingFlows } from '../../../src-main/core/auth/pending-flows';

const callbackish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(
      fc.constantFrom('switchboard://oauth/callback', 'http://127.0.0.1:8123/oauth/callback', 'switchboard://evil/callback', 'https://127.0.0.1/oauth/callback'),
      fc.array(fc.tuple(fc.constantFrom('state', 'code', 'error', 'error_description', 'iss', 'x'), fc.string({ maxLength: 40 })), { maxLength: 6 }),
    )
    .map(([base, params]) => `${base}?${new URLSearchParams(params).toString()}`),
);

describe('OAuth callback URLs under generated input', () => {
  it('rejects every URL that does not complete a real pending flow with a clear AuthError', () => {
    const flows = new PendingFlows();
    const started = flows.start({
      profileId: 'p',
      authorizeUrl: 'https://auth.example/authorize',
      clientId: 'client',
      redirectUri: 'switchboard://oauth/callback',
      scopes: ['calls:list'],
    });
    fc.assert(
      fc.property(callbackish, (url) => {
        try {
          flows.completeCallback(url);
          throw new Error(`accepted a generated callback: ${url}`);
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError);
          expect((error as AuthError).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3_000 },
    );
    // The real flow still completes once after all that noise.
    expect(flows.completeCallback(`switchboard://oauth/callback?state=${started.state}&code=abc`).code).toBe('abc');
  });
});
