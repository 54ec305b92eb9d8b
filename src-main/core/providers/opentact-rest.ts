import type { OpentactProfile, OpentactSubscriptionInfo, OpentactSubscriptionInput } from '../api';
import { AuthError } from '../connection/errors';
import type { AdapterDeps } from './adapter';
import { ProviderHttpError, requestJson, type RestRequest } from './rest-client';

/** Default lifetime of a subscription made from the app: Opentact requires an expiry date. */
const DEFAULT_SUBSCRIPTION_DAYS = 365;

/**
 * The token an Opentact profile authenticates with: the stored API token, or one obtained with
 * email + password (`GET /rest/auth`, Basic), kept for this source's lifetime.
 */
export class OpentactCredential {
  private loggedIn: string | null = null;

  constructor(
    private readonly profile: OpentactProfile,
    private readonly deps: AdapterDeps,
  ) {}

  async token(): Promise<string> {
    if (this.profile.credential === 'token') {
      const token = await this.deps.secrets.get(this.profile.id, 'token');
      if (token === null) throw new AuthError('no Opentact API token is stored for this profile');
      return token;
    }
    this.loggedIn ??= await this.login();
    return this.loggedIn;
  }

  /** The token was refused: the next call logs in again. */
  forget(): void {
    this.loggedIn = null;
  }

  private async login(): Promise<string> {
    const password = await this.deps.secrets.get(this.profile.id, 'password');
    if (password === null) throw new AuthError('no Opentact password is stored for this profile');
    const basic = Buffer.from(`${this.profile.email ?? ''}:${password}`).toString('base64');
    try {
      const { value } = await requestJson(
        { method: 'GET', url: `${this.profile.restBase}/auth`, headers: { authorization: `Basic ${basic}` }, purpose: 'sign in to Opentact' },
        { service: 'Opentact', fetch: this.deps.fetch, secrets: [password, basic] },
      );
      const token = (payloadOf(value) as { token?: unknown } | null)?.token;
      if (typeof token !== 'string' || token === '') throw new Error('Opentact answered the sign-in without a token');
      return token;
    } catch (error) {
      if (error instanceof ProviderHttpError && error.isAuthRejection) throw new AuthError(`Opentact refused the email or password (HTTP ${error.status})`);
      throw error;
    }
  }
}

/** Event subscriptions (`/rest/event/subscription`); deletion is undocumented, its path is a profile setting. */
export class OpentactRestClient {
  constructor(
    private readonly profile: OpentactProfile,
    private readonly credential: OpentactCredential,
    private readonly deps: AdapterDeps,
  ) {}

  async listSubscriptions(): Promise<OpentactSubscriptionInfo[]> {
    const payload = await this.call({ method: 'GET', url: `${this.profile.restBase}/event/subscription`, purpose: 'list the Opentact event subscriptions' });
    return Array.isArray(payload) ? payload.flatMap((item) => readSubscription(item) ?? []) : [];
  }

  async createSubscription(input: OpentactSubscriptionInput): Promise<OpentactSubscriptionInfo> {
    const expiredOn = input.expiredOn ?? new Date(Date.now() + DEFAULT_SUBSCRIPTION_DAYS * 86_400_000).toISOString();
    const body = { is_active: input.isActive ?? true, expired_on: expiredOn, channel: 'wss', type: input.type };
    const payload = await this.call({ method: 'POST', url: `${this.profile.restBase}/event/subscription`, body, purpose: `create an Opentact ${input.type} subscription` });
    const created = readSubscription(payload);
    if (created === null) throw new Error('Opentact answered the new subscription without a uuid');
    return created;
  }

  async deleteSubscription(uuid: string): Promise<void> {
    const path = this.profile.subscriptionDeletePath.replace('{uuid}', encodeURIComponent(uuid));
    await this.call({ method: 'DELETE', url: `${this.profile.restBase}${path}`, purpose: `delete Opentact subscription ${uuid}` });
  }

  private async call(request: RestRequest): Promise<unknown> {
    const token = await this.credential.token();
    try {
      const { value } = await requestJson(
        { ...request, headers: { 'x-auth-token': token } },
        { service: 'Opentact', fetch: this.deps.fetch, secrets: [token] },
      );
      return payloadOf(value);
    } catch (error) {
      if (error instanceof ProviderHttpError && error.isAuthRejection) this.credential.forget();
      throw error;
    }
  }
}

/** Most answers are `{success, payload}`; `success: false` with HTTP 200 is still a failure. */
function payloadOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('payload' in value)) return value;
  const { success, payload, message } = value as { success?: unknown; payload?: unknown; message?: unknown };
  if (success === false) throw new Error(`Opentact reported a failure${typeof message === 'string' ? `: ${message}` : ''}`);
  return payload;
}

function readSubscription(value: unknown): OpentactSubscriptionInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record['uuid'] !== 'string') return null;
  const text = (key: string): string | null => (typeof record[key] === 'string' ? record[key] : null);
  return {
    uuid: record['uuid'],
    type: text('type') ?? '',
    channel: text('channel') ?? '',
    isActive: record['is_active'] !== false,
    expiredOn: text('expired_on'),
    createdOn: text('created_on'),
  };
}
