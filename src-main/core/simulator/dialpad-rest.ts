import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DIALPAD_SUBSCRIPTION_TYPES,
  type DialpadDirectory,
  type DialpadSubscription,
  type DialpadSubscriptionType,
  type DialpadWebsocket,
} from './dialpad-directory';
import type { DialpadOAuth } from './dialpad-oauth';
import { HttpError, sendJson, type HttpRouter, type RouteContext } from './http-router';
import { RateLimiter } from './rate-limiter';

/** Dialpad's REST API v2, the parts that manage event websockets and subscriptions. */

const CALL_STATES = [
  'all', 'preanswer', 'calling', 'ringing', 'connected', 'merged', 'hold', 'queued', 'voicemail',
  'voicemail_uploaded', 'eavesdrop', 'monitor', 'barge', 'takeover', 'hangup', 'missed', 'blocked',
  'admin', 'admin_recording', 'parked', 'postcall', 'transcription', 'call_transcription', 'recording',
  'csat', 'pcsat', 'dispositions', 'ai_playbook', 'recap_summary', 'recap_outcome', 'recap_purposes',
  'recap_action_items',
] as const;
const SMS_DIRECTIONS = ['all', 'inbound', 'outbound'];
const MAX_SUBSCRIPTIONS_PER_TYPE = 100;
const PAGE_SIZE = 20;

export interface DialpadRestOptions {
  apiKey: string;
  /** Requests per second before 429 (Dialpad: 20 per company); 0 turns the limit off. */
  requestsPerSecond: number;
  socketBaseUrl: () => string;
  rejectsCredentials: () => boolean;
}

/** Dialpad's error body (Google Cloud Endpoints style). */
export function renderDialpadError(response: ServerResponse, status: number, message: string): void {
  const reason = status === 401 ? 'unauthorized' : status === 404 ? 'notFound' : status === 429 ? 'rateLimitExceeded' : 'badRequest';
  sendJson(response, status, { error: { code: status, errors: [{ domain: 'global', message, reason }], message } });
}

export class DialpadRest {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly directory: DialpadDirectory,
    private readonly oauth: DialpadOAuth,
    private readonly options: DialpadRestOptions,
  ) {
    this.limiter = new RateLimiter(options.requestsPerSecond);
  }

  register(router: HttpRouter): void {
    const base = '/api/v2';
    router
      .add('POST', `${base}/websockets`, this.guard((context) => this.createWebsocket(context)))
      .add('GET', `${base}/websockets`, this.guard((context) => this.listWebsockets(context)))
      .add('GET', `${base}/websockets/:id`, this.guard((context) => this.websocketResponse(context, this.websocket(context))))
      .add('PATCH', `${base}/websockets/:id`, this.guard((context) => this.updateWebsocket(context)))
      .add('DELETE', `${base}/websockets/:id`, this.guard((context) => this.deleteWebsocket(context)))
      .add('POST', `${base}/subscriptions/:type`, this.guard((context) => this.createSubscription(context)))
      .add('GET', `${base}/subscriptions/:type`, this.guard((context) => this.listSubscriptions(context)))
      .add('GET', `${base}/subscriptions/:type/:id`, this.guard((context) => this.subscriptionResponse(context, this.subscription(context))))
      .add('PATCH', `${base}/subscriptions/:type/:id`, this.guard((context) => this.updateSubscription(context)))
      .add('DELETE', `${base}/subscriptions/:type/:id`, this.guard((context) => this.deleteSubscription(context)));
  }

  private guard(handler: (context: RouteContext) => void): (context: RouteContext) => void {
    return (context) => {
      if (!this.authorized(context.request, context.url)) throw new HttpError(401, 'Invalid API key or access token');
      if (!this.limiter.allow()) throw new HttpError(429, 'Rate limit exceeded');
      handler(context);
    };
  }

  private authorized(request: IncomingMessage, url: URL): boolean {
    if (this.options.rejectsCredentials()) return false;
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const key = bearer ?? url.searchParams.get('apikey') ?? '';
    return key === this.options.apiKey || this.oauth.isValidAccessToken(key);
  }

  // --- websockets ----------------------------------------------------------------------------------

  private websocket({ params }: RouteContext): DialpadWebsocket {
    const websocket = this.directory.websockets.get(params['id'] ?? '');
    if (websocket === undefined) throw new HttpError(404, 'Websocket not found');
    return websocket;
  }

  private renderWebsocket(websocket: DialpadWebsocket, subscription: DialpadSubscription | null = null): Record<string, unknown> {
    const { token } = this.directory.issueToken(websocket.id, subscription);
    return {
      id: websocket.id,
      websocket_url: `${this.options.socketBaseUrl()}/events/${token}`,
      signature: websocket.secret === null ? null : { algo: 'HS256', secret: websocket.secret, type: 'jwt' },
    };
  }

  private websocketResponse({ response }: RouteContext, websocket: DialpadWebsocket): void {
    sendJson(response, 200, this.renderWebsocket(websocket));
  }

  private createWebsocket(context: RouteContext): void {
    const websocket = this.directory.createWebsocket(optionalSecret(context.body));
    this.websocketResponse(context, websocket);
  }

  private listWebsockets({ url, response }: RouteContext): void {
    sendJson(response, 200, page([...this.directory.websockets.values()], url, (websocket) => this.renderWebsocket(websocket)));
  }

  private updateWebsocket(context: RouteContext): void {
    const websocket = this.websocket(context);
    websocket.secret = optionalSecret(context.body);
    this.websocketResponse(context, websocket);
  }

  private deleteWebsocket(context: RouteContext): void {
    const websocket = this.websocket(context);
    const rendered = this.renderWebsocket(websocket);
    this.directory.deleteWebsocket(websocket.id);
    sendJson(context.response, 200, rendered);
  }

  // --- subscriptions -------------------------------------------------------------------------------

  private subscriptionType({ params }: RouteContext): DialpadSubscriptionType {
    const type = DIALPAD_SUBSCRIPTION_TYPES.find((known) => known === params['type']);
    if (type === undefined) throw new HttpError(404, `Unknown subscription type ${params['type'] ?? ''}`);
    return type;
  }

  private subscription(context: RouteContext): DialpadSubscription {
    const type = this.subscriptionType(context);
    const subscription = this.directory.subscriptions.get(context.params['id'] ?? '');
    if (subscription?.type !== type) throw new HttpError(404, 'Subscription not found');
    return subscription;
  }

  private renderSubscription(subscription: DialpadSubscription): Record<string, unknown> {
    const websocket = this.directory.websockets.get(subscription.websocketId);
    const common = {
      id: subscription.id,
      enabled: subscription.enabled,
      ...subscription.extra,
      websocket: websocket === undefined ? null : this.renderWebsocket(websocket, subscription),
    };
    switch (subscription.type) {
      case 'call':
        return {
          ...common,
          call_states: subscription.callStates ?? ['all'],
          group_calls_only: subscription.groupCallsOnly,
          target_type: subscription.targetType,
          target_id: subscription.targetId,
        };
      case 'sms':
        return { ...common, direction: subscription.direction, target_type: subscription.targetType, target_id: subscription.targetId };
      default:
        return common;
    }
  }

  private subscriptionResponse({ response }: RouteContext, subscription: DialpadSubscription): void {
    sendJson(response, 200, this.renderSubscription(subscription));
  }

  private createSubscription(context: RouteContext): void {
    const type = this.subscriptionType(context);
    const { body } = context;
    const endpointId = idField(body['endpoint_id']);
    if (endpointId === null) throw new HttpError(400, 'endpoint_id is required');
    if (!this.directory.websockets.has(endpointId)) throw new HttpError(400, `endpoint_id ${endpointId} is not a websocket`);
    const sameType = [...this.directory.subscriptions.values()].filter((subscription) => subscription.type === type);
    if (sameType.length >= MAX_SUBSCRIPTIONS_PER_TYPE) throw new HttpError(400, `At most ${MAX_SUBSCRIPTIONS_PER_TYPE} ${type} subscriptions`);
    const subscription = this.directory.addSubscription({
      type,
      websocketId: endpointId,
      enabled: body['enabled'] !== false,
      callStates: null,
      groupCallsOnly: false,
      direction: null,
      targetType: null,
      targetId: null,
      extra: {},
    });
    try {
      this.applyFields(subscription, body, true);
    } catch (error) {
      this.directory.subscriptions.delete(subscription.id);
      throw error;
    }
    this.subscriptionResponse(context, subscription);
  }

  private updateSubscription(context: RouteContext): void {
    const subscription = this.subscription(context);
    const endpointId = idField(context.body['endpoint_id']);
    if (endpointId !== null) {
      if (!this.directory.websockets.has(endpointId)) throw new HttpError(400, `endpoint_id ${endpointId} is not a websocket`);
      subscription.websocketId = endpointId;
    }
    if (typeof context.body['enabled'] === 'boolean') subscription.enabled = context.body['enabled'];
    this.applyFields(subscription, context.body, false);
    this.subscriptionResponse(context, subscription);
  }

  /** The per-type fields, validated like Dialpad does (400 on a bad value). */
  private applyFields(subscription: DialpadSubscription, body: Record<string, unknown>, creating: boolean): void {
    if (body['target_type'] !== undefined || body['target_id'] !== undefined) {
      const targetType = body['target_type'];
      const targetId = idField(body['target_id']);
      if (typeof targetType !== 'string' || targetId === null) throw new HttpError(400, 'target_type and target_id go together');
      subscription.targetType = targetType;
      subscription.targetId = targetId;
    }
    switch (subscription.type) {
      case 'call': {
        const states = body['call_states'];
        if (states !== undefined) {
          if (!Array.isArray(states) || states.length === 0) throw new HttpError(400, 'call_states must be a non-empty list');
          const unknown = states.find((state) => !(CALL_STATES as readonly unknown[]).includes(state));
          if (unknown !== undefined) throw new HttpError(400, `Unknown call state ${String(unknown)}`);
          subscription.callStates = states.includes('all') ? null : (states as string[]);
        }
        if (typeof body['group_calls_only'] === 'boolean') subscription.groupCallsOnly = body['group_calls_only'];
        return;
      }
      case 'sms': {
        const direction = body['direction'];
        if (direction === undefined && !creating) return;
        if (typeof direction !== 'string' || !SMS_DIRECTIONS.includes(direction)) {
          throw new HttpError(400, 'direction is required: all, inbound or outbound');
        }
        subscription.direction = direction;
        for (const name of ['include_internal', 'status']) if (body[name] !== undefined) subscription.extra[name] = body[name];
        return;
      }
      case 'agent_status': {
        const agentType = body['agent_type'] ?? 'callcenter';
        if (agentType !== 'callcenter') throw new HttpError(400, 'agent_type must be callcenter');
        subscription.extra['agent_type'] = agentType;
        return;
      }
      case 'contact': {
        const contactType = body['contact_type'] ?? 'local';
        if (contactType !== 'local' && contactType !== 'shared') throw new HttpError(400, 'contact_type must be local or shared');
        subscription.extra['contact_type'] = contactType;
        return;
      }
      case 'changelog':
        return;
    }
  }

  private listSubscriptions(context: RouteContext): void {
    const type = this.subscriptionType(context);
    const all = [...this.directory.subscriptions.values()].filter((subscription) => subscription.type === type);
    sendJson(context.response, 200, page(all, context.url, (subscription) => this.renderSubscription(subscription)));
  }

  private deleteSubscription(context: RouteContext): void {
    const subscription = this.subscription(context);
    const rendered = this.renderSubscription(subscription);
    this.directory.subscriptions.delete(subscription.id);
    sendJson(context.response, 200, rendered);
  }
}

function optionalSecret(body: Record<string, unknown>): string | null {
  const secret = body['secret'];
  if (secret === undefined || secret === null || secret === '') return null;
  if (typeof secret !== 'string') throw new HttpError(400, 'secret must be a string');
  return secret;
}

/** Ids arrive as numbers or strings; numbers beyond 2^53 have already lost digits, which is the client's bug. */
function idField(value: unknown): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return null;
}

/** Dialpad paging: `items` and an opaque `cursor` present only when more follow. */
function page<T>(all: readonly T[], url: URL, render: (item: T) => Record<string, unknown>): Record<string, unknown> {
  const cursor = url.searchParams.get('cursor');
  const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'invalid cursor');
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? PAGE_SIZE) || PAGE_SIZE));
  const items = all.slice(offset, offset + limit).map(render);
  const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64url') : undefined;
  return next === undefined ? { items } : { items, cursor: next };
}
