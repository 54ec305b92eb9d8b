import { randomBytes } from 'node:crypto';
import { AuthError } from './auth-error';
import { buildAuthorizationUrl, type FlowRequest } from './authorization-url';
import { callbackTarget, parseCallbackUrl } from './callback-url';
import { createPkcePair } from './pkce';
import { providerText } from './redact';

export const FLOW_LIFETIME_MS = 10 * 60 * 1000;
/** A user might click "sign in" repeatedly; beyond this the oldest attempt is forgotten. */
const MAX_PENDING_FLOWS = 32;

export interface StartedFlow {
  state: string;
  authorizationUrl: string;
  expiresAt: number;
}

/** What the token exchange needs once a callback has been accepted. */
export interface CompletedFlow {
  profileId: string;
  code: string;
  verifier: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
}

interface Flow {
  request: FlowRequest;
  /** The redirect URI in the comparable form `parseCallbackUrl` produces. */
  target: string;
  verifier: string;
  expiresAt: number;
  used: boolean;
}

export interface PendingFlowsOptions {
  now?: () => number;
  lifetimeMs?: number;
}

/**
 * The main process's record of sign-ins in progress. A callback is accepted once, only with
 * the `state` of an unexpired flow, and only at the redirect URI that flow was started with.
 */
export class PendingFlows {
  private readonly flows = new Map<string, Flow>();
  private readonly now: () => number;
  private readonly lifetimeMs: number;

  constructor(options: PendingFlowsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.lifetimeMs = options.lifetimeMs ?? FLOW_LIFETIME_MS;
  }

  start(request: FlowRequest): StartedFlow {
    this.forgetExpired();
    const state = randomBytes(32).toString('base64url');
    const { verifier, challenge } = createPkcePair();
    const authorizationUrl = buildAuthorizationUrl(request, state, challenge);
    const expiresAt = this.now() + this.lifetimeMs;
    const target = callbackTarget(new URL(request.redirectUri));
    this.flows.set(state, { request: { ...request, scopes: [...request.scopes] }, target, verifier, expiresAt, used: false });
    this.forgetOldestBeyond(MAX_PENDING_FLOWS);
    return { state, authorizationUrl, expiresAt };
  }

  /** Throws `AuthError` for every refusal; the flow is spent by any callback that names it. */
  completeCallback(callbackUrl: string): CompletedFlow {
    const callback = parseCallbackUrl(callbackUrl);
    if (callback.state === null) {
      throw new AuthError('state_missing', 'The sign-in callback has no state, so it cannot be matched to a sign-in you started.');
    }
    const flow = this.flows.get(callback.state);
    if (flow === undefined) {
      throw new AuthError('state_unknown', 'This sign-in callback does not match any sign-in in progress. Start the sign-in again.');
    }
    const { request } = flow;
    const details = { profileId: request.profileId };
    if (flow.used) throw new AuthError('state_reused', 'This sign-in callback was already used. Start the sign-in again.', details);
    if (this.now() >= flow.expiresAt) {
      this.flows.delete(callback.state);
      throw new AuthError('state_expired', 'This sign-in took longer than 10 minutes and expired. Start the sign-in again.', details);
    }
    if (callback.target !== flow.target) {
      throw new AuthError('callback_wrong_target', 'The sign-in callback arrived at a different redirect URI than the sign-in used.', details);
    }
    // From here on the state has been presented: it is spent whatever the outcome.
    flow.used = true;
    if (request.issuer !== undefined && callback.issuer !== null && callback.issuer !== request.issuer) {
      throw new AuthError('issuer_mismatch', 'The sign-in callback came from a different authorization server than expected.', details);
    }
    if (callback.error !== null) throw providerError(callback.error, callback.errorDescription, request.profileId);
    if (callback.code === null) throw new AuthError('code_missing', 'The provider redirected back without an authorization code.', details);
    return {
      profileId: request.profileId,
      code: callback.code,
      verifier: flow.verifier,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
    };
  }

  /** Drops a flow the user cancelled, so a late callback for it is refused. */
  cancel(state: string): boolean {
    return this.flows.delete(state);
  }

  get size(): number {
    return this.flows.size;
  }

  /** Used flows are kept until they would have expired, so a replay is named as such. */
  private forgetExpired(): void {
    const now = this.now();
    for (const [state, flow] of this.flows) if (now >= flow.expiresAt) this.flows.delete(state);
  }

  private forgetOldestBeyond(limit: number): void {
    for (const state of this.flows.keys()) {
      if (this.flows.size <= limit) return;
      this.flows.delete(state);
    }
  }
}

function providerError(code: string, description: string | null, profileId: string): AuthError {
  const oauthError = providerText(code, []);
  const detail = description === null ? undefined : providerText(description, []);
  const lead =
    oauthError === 'access_denied'
      ? 'Sign-in was cancelled or access was denied by the provider'
      : `The provider refused the sign-in (${oauthError})`;
  return new AuthError('provider_error', detail === undefined ? `${lead}.` : `${lead}: ${detail}`, {
    profileId,
    oauthError,
    ...(detail === undefined ? {} : { description: detail }),
  });
}
