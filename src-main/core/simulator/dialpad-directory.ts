import { randomBytes } from 'node:crypto';
import type { BusinessEvent } from './business-events';
import { signHs256, verifyHs256 } from './jwt';
import type { Random } from './prng';
import { dialpadStyleId } from './roster';

/** Dialpad's websockets (event endpoints), their subscriptions, and the socket tokens for them. */

export type DialpadSubscriptionType = 'call' | 'sms' | 'agent_status' | 'contact' | 'changelog';
export const DIALPAD_SUBSCRIPTION_TYPES: readonly DialpadSubscriptionType[] = [
  'call',
  'sms',
  'agent_status',
  'contact',
  'changelog',
];

export interface DialpadWebsocket {
  id: string;
  secret: string | null;
}

export interface DialpadSubscription {
  id: string;
  type: DialpadSubscriptionType;
  websocketId: string;
  enabled: boolean;
  /** call: the states delivered, or null for all. */
  callStates: readonly string[] | null;
  groupCallsOnly: boolean;
  /** sms: all | inbound | outbound. */
  direction: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The other fields as the client sent them, echoed back by the REST API. */
  extra: Record<string, unknown>;
}

export interface SocketGrant {
  websocketId: string;
  /** Null when the token covers all of the websocket's subscriptions. */
  subscriptionId: string | null;
  expiresAt: number;
}

const TOKEN_TYPE = 'vnd.dialpad.websocket+jwt';

export class DialpadDirectory {
  readonly websockets = new Map<string, DialpadWebsocket>();
  readonly subscriptions = new Map<string, DialpadSubscription>();
  private readonly tokenKey = randomBytes(32).toString('hex');

  constructor(
    private readonly random: Random,
    private readonly tokenLifetimeSec: () => number,
  ) {}

  createWebsocket(secret: string | null): DialpadWebsocket {
    const websocket = { id: dialpadStyleId(this.random), secret };
    this.websockets.set(websocket.id, websocket);
    return websocket;
  }

  deleteWebsocket(id: string): boolean {
    for (const subscription of this.subscriptions.values()) {
      if (subscription.websocketId === id) this.subscriptions.delete(subscription.id);
    }
    return this.websockets.delete(id);
  }

  addSubscription(fields: Omit<DialpadSubscription, 'id'>): DialpadSubscription {
    const subscription = { id: dialpadStyleId(this.random), ...fields };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** A fresh socket URL token, as `GET /websockets/{id}` (or a subscription) hands out. */
  issueToken(websocketId: string, subscription: DialpadSubscription | null, now = Date.now()): { token: string; expiresAt: number } {
    const iat = Math.floor(now / 1000);
    // exp is in whole seconds: rounded up, so a token lives at least its lifetime (a 1 s token
    // issued at x.990 s must not be expired 10 ms later).
    const exp = Math.ceil(now / 1000) + this.tokenLifetimeSec();
    const sub = subscription === null ? `endpoint:${websocketId}:*` : `endpoint:${websocketId}:${subscription.type}:${subscription.id}`;
    // jti makes every regenerated URL differ, even within the same second.
    const jti = randomBytes(8).toString('hex');
    const token = signHs256(JSON.stringify({ sub, iat, exp, jti }), this.tokenKey, TOKEN_TYPE);
    return { token, expiresAt: exp * 1000 };
  }

  /** What a socket token grants, or null when it is forged, expired or its endpoint is gone. */
  readToken(token: string, now = Date.now()): SocketGrant | null {
    const claims = verifyHs256(token, this.tokenKey);
    if (claims === null || typeof claims['sub'] !== 'string' || typeof claims['exp'] !== 'number') return null;
    const expiresAt = claims['exp'] * 1000;
    if (expiresAt <= now) return null;
    const match = /^endpoint:(\d+):(?:\*|[a-z_]+:(\d+))$/.exec(claims['sub']);
    const websocketId = match?.[1];
    if (websocketId === undefined || !this.websockets.has(websocketId)) return null;
    const subscriptionId = match?.[2] ?? null;
    if (subscriptionId !== null && this.subscriptions.get(subscriptionId)?.websocketId !== websocketId) return null;
    return { websocketId, subscriptionId, expiresAt };
  }

  /** Whether a subscription delivers an event (type, enabled, state/direction and target filters). */
  static matches(subscription: DialpadSubscription, event: BusinessEvent): boolean {
    if (!subscription.enabled || subscription.type !== event.kind) return false;
    switch (event.kind) {
      case 'call': {
        const { call } = event;
        if (subscription.callStates !== null && !subscription.callStates.includes(call.state)) return false;
        if (subscription.groupCallsOnly && call.queue === null) return false;
        return targetMatches(subscription, call.agent?.id ?? null, call.queue?.id ?? null);
      }
      case 'sms':
        if (subscription.direction !== null && subscription.direction !== 'all' && subscription.direction !== event.sms.direction) {
          return false;
        }
        return targetMatches(subscription, event.sms.agent.id, null);
      case 'agent_status':
        return true;
    }
  }
}

function targetMatches(subscription: DialpadSubscription, userId: string | null, callCenterId: string | null): boolean {
  if (subscription.targetId === null) return true;
  if (subscription.targetType === 'callcenter') return subscription.targetId === callCenterId;
  if (subscription.targetType === 'user') return subscription.targetId === userId;
  // office / company targets cover the whole simulated company
  return true;
}
