import type { DialpadProfile, DialpadSubscriptionInput, DialpadSubscriptionType } from '../api';
import { DIALPAD_HOSTS, DIALPAD_REST_PATH } from '../profiles/defaults';
import { exactId } from './exact-id';
import { ProviderHttpError, requestJson, type FetchFn, type JsonReply, type RestRequest } from './rest-client';

/** How REST calls authenticate: a bearer value, and what to do when Dialpad refuses it. */
export interface DialpadBearer {
  token(): Promise<string>;
  /** Called with the refused value after a 401; true when a retry may succeed (a refreshed OAuth token). */
  refused(token: string): boolean;
}

export interface DialpadWebsocketRecord {
  id: string;
  websocketUrl: string;
  signed: boolean;
}

export interface DialpadSubscriptionRecord {
  id: string;
  type: DialpadSubscriptionType;
  enabled: boolean;
  websocketId: string | null;
  websocketUrl: string | null;
  fields: Record<string, unknown>;
}

/** Enough to list everything a company may have (100 per type, 20 per page by default). */
const MAX_PAGES = 50;
const PAGE_LIMIT = 100;

export function dialpadHost(profile: DialpadProfile): string {
  return profile.environment === 'custom' ? (profile.customHost ?? '') : DIALPAD_HOSTS[profile.environment];
}

export function dialpadRestBase(profile: DialpadProfile): string {
  return profile.restBase ?? `${dialpadHost(profile)}${DIALPAD_REST_PATH}`;
}

/** Dialpad API v2: event websockets and their subscriptions. */
export class DialpadRestClient {
  constructor(
    private readonly base: string,
    private readonly bearer: DialpadBearer,
    private readonly fetchFn: FetchFn,
  ) {}

  async listWebsockets(): Promise<DialpadWebsocketRecord[]> {
    const items = await this.listAll('/websockets', 'list the Dialpad websockets');
    return items.map(({ item, text }) => readWebsocket(item, text));
  }

  /** Also how a socket URL is renewed: every GET returns a freshly signed websocket_url. */
  async getWebsocket(id: string): Promise<DialpadWebsocketRecord> {
    return readWebsocket(...(await this.call({ method: 'GET', path: `/websockets/${encodeURIComponent(id)}`, purpose: `get Dialpad websocket ${id}` })));
  }

  /** With a secret, Dialpad signs every event of this websocket as an HS256 JWT. */
  async createWebsocket(secret: string | null): Promise<DialpadWebsocketRecord> {
    const body = secret === null ? {} : { secret };
    return readWebsocket(...(await this.call({ method: 'POST', path: '/websockets', body, purpose: 'create a Dialpad websocket' }, [secret])));
  }

  async deleteWebsocket(id: string): Promise<void> {
    await this.call({ method: 'DELETE', path: `/websockets/${encodeURIComponent(id)}`, purpose: `delete Dialpad websocket ${id}` });
  }

  async listSubscriptions(type: DialpadSubscriptionType): Promise<DialpadSubscriptionRecord[]> {
    const items = await this.listAll(`/subscriptions/${type}`, `list the Dialpad ${type} subscriptions`);
    return items.map(({ item, text }) => readSubscription(type, item, text));
  }

  async getSubscription(type: DialpadSubscriptionType, id: string): Promise<DialpadSubscriptionRecord> {
    const path = `/subscriptions/${type}/${encodeURIComponent(id)}`;
    return readSubscription(type, ...(await this.call({ method: 'GET', path, purpose: `get Dialpad ${type} subscription ${id}` })));
  }

  async createSubscription(input: DialpadSubscriptionInput, websocketId: string): Promise<DialpadSubscriptionRecord> {
    const body = { ...subscriptionBody(input), endpoint_id: websocketId };
    const purpose = `create a Dialpad ${input.type} subscription`;
    return readSubscription(input.type, ...(await this.call({ method: 'POST', path: `/subscriptions/${input.type}`, body, purpose })));
  }

  async updateSubscription(id: string, input: DialpadSubscriptionInput): Promise<DialpadSubscriptionRecord> {
    const body = { ...subscriptionBody(input), ...(input.websocketId === undefined ? {} : { endpoint_id: input.websocketId }) };
    const path = `/subscriptions/${input.type}/${encodeURIComponent(id)}`;
    return readSubscription(input.type, ...(await this.call({ method: 'PATCH', path, body, purpose: `update Dialpad ${input.type} subscription ${id}` })));
  }

  async deleteSubscription(type: DialpadSubscriptionType, id: string): Promise<void> {
    const path = `/subscriptions/${type}/${encodeURIComponent(id)}`;
    await this.call({ method: 'DELETE', path, purpose: `delete Dialpad ${type} subscription ${id}` });
  }

  private async listAll(path: string, purpose: string): Promise<{ item: Record<string, unknown>; text: string }[]> {
    const items: { item: Record<string, unknown>; text: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = new URLSearchParams({ limit: String(PAGE_LIMIT), ...(cursor === null ? {} : { cursor }) });
      const [body, text] = await this.call({ method: 'GET', path: `${path}?${query.toString()}`, purpose });
      const pageItems = body['items'];
      if (Array.isArray(pageItems)) items.push(...pageItems.filter(isRecord).map((item) => ({ item, text })));
      cursor = typeof body['cursor'] === 'string' && body['cursor'] !== '' ? body['cursor'] : null;
      if (cursor === null) return items;
    }
    return items;
  }

  /** One call; an OAuth token refused with 401 is refreshed and the call tried once more. */
  private async call(
    request: Omit<RestRequest, 'url' | 'headers'> & { path: string },
    extraSecrets: readonly (string | null)[] = [],
  ): Promise<[Record<string, unknown>, string]> {
    const send = async (): Promise<{ body: JsonReply | typeof RETRY }> => {
      const token = await this.bearer.token();
      const body = await requestJson(
        { ...request, url: `${this.base}${request.path}`, headers: { authorization: `Bearer ${token}` } },
        { service: 'Dialpad', fetch: this.fetchFn, secrets: [token, ...extraSecrets] },
      ).catch((error: unknown): typeof RETRY => {
        if (error instanceof ProviderHttpError && error.status === 401 && this.bearer.refused(token)) return RETRY;
        throw error;
      });
      return { body };
    };
    let { body } = await send();
    if (body === RETRY) ({ body } = await send());
    if (body === RETRY) throw new Error(`Could not ${request.purpose}: Dialpad refused the refreshed access token: sign in again.`);
    return [isRecord(body.value) ? body.value : {}, body.text];
  }
}

const RETRY: unique symbol = Symbol('retry with a refreshed token');

function subscriptionBody(input: DialpadSubscriptionInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.enabled !== undefined) body['enabled'] = input.enabled;
  if (input.targetType !== undefined || input.targetId !== undefined) {
    body['target_type'] = input.targetType;
    body['target_id'] = input.targetId;
  }
  switch (input.type) {
    case 'call':
      if (input.callStates !== undefined) body['call_states'] = input.callStates;
      if (input.groupCallsOnly !== undefined) body['group_calls_only'] = input.groupCallsOnly;
      break;
    case 'sms':
      if (input.direction !== undefined) body['direction'] = input.direction;
      if (input.includeInternal !== undefined) body['include_internal'] = input.includeInternal;
      if (input.status !== undefined) body['status'] = input.status;
      break;
    case 'agent_status':
      body['agent_type'] = input.agentType ?? 'callcenter';
      break;
    case 'contact':
      if (input.contactType !== undefined) body['contact_type'] = input.contactType;
      break;
    case 'changelog':
      break;
  }
  return body;
}

function readWebsocket(record: Record<string, unknown>, text: string): DialpadWebsocketRecord {
  const id = exactId(record, 'id', text);
  const url = record['websocket_url'];
  if (id === null || typeof url !== 'string') throw new Error('Dialpad answered with a websocket without id or websocket_url.');
  return { id, websocketUrl: url, signed: isRecord(record['signature']) };
}

function readSubscription(type: DialpadSubscriptionType, record: Record<string, unknown>, text: string): DialpadSubscriptionRecord {
  const id = exactId(record, 'id', text);
  if (id === null) throw new Error(`Dialpad answered with a ${type} subscription without an id.`);
  const websocket = isRecord(record['websocket']) ? record['websocket'] : null;
  const { id: _id, enabled, websocket: _websocket, ...fields } = record;
  return {
    id,
    type,
    enabled: enabled !== false,
    websocketId: websocket === null ? exactId(record, 'endpoint_id', text) : exactId(websocket, 'id', text),
    websocketUrl: typeof websocket?.['websocket_url'] === 'string' ? websocket['websocket_url'] : null,
    fields,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
