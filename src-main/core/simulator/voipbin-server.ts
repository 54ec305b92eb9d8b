import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import type { Agent, BusinessEvent } from './business-events';
import type { FaultState } from './faults';
import { HttpError, sendJson, type HttpRouter, type RouteContext } from './http-router';
import { signHs256, verifyHs256 } from './jwt';
import type { Outbox } from './outbox';
import { ProviderSocketServer } from './provider-server';
import { SocketPool } from './socket-pool';
import { voipbinPublications, voipbinTopics } from './voipbin-format';

/** VoIPBin: `POST /auth/login` and the `/v1.0/ws` topic socket. */

export interface VoipbinOptions {
  customerId: string;
  username: string;
  password: string;
  accessKey: string;
  /** Agents log in with their email and this password, and may use only their own `agent_id:` topics. */
  agentPassword: string;
  agents: () => readonly Agent[];
  pingIntervalMs: number;
  pongTimeoutMs: number;
  /** Frames as `{type, data}` instead of the bare resource (VoIPBin's older path). */
  wrapped: boolean;
}

type Principal = { kind: 'admin' | 'accesskey'; customerId: string } | { kind: 'agent'; customerId: string; agentId: string };

interface VoipbinSession {
  outbox: Outbox;
  principal: Principal;
  topics: Set<string>;
  lastPongAt: number;
  pingTimer: NodeJS.Timeout;
}

const TOKEN_LIFETIME_SEC = 7 * 24 * 3600;
const TOPIC = /^(customer_id|agent_id):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(:.*)?$/;

export function renderVoipbinError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { message });
}

export class VoipbinServer extends ProviderSocketServer<VoipbinSession> {
  readonly provider = 'voipbin' as const;
  protected readonly pool: SocketPool<VoipbinSession>;
  private readonly tokenKey = randomBytes(32).toString('hex');

  constructor(
    private readonly options: VoipbinOptions,
    private readonly faults: FaultState,
  ) {
    super();
    this.pool = new SocketPool<VoipbinSession>('voipbin', faults);
  }

  register(router: HttpRouter): void {
    router.add('POST', '/auth/login', (context) => this.login(context));
  }

  private login({ body, response }: RouteContext): void {
    const { username, password } = body;
    const principal = this.faults.rejectsCredentials('voipbin') ? null : this.principalForLogin(username, password);
    if (principal === null) throw new HttpError(400, 'invalid username or password');
    const iat = Math.floor(Date.now() / 1000);
    const claims = { username, customer_id: principal.customerId, agent_id: principal.kind === 'agent' ? principal.agentId : undefined, permission: principal.kind, iat, exp: iat + TOKEN_LIFETIME_SEC };
    sendJson(response, 200, { username, token: signHs256(JSON.stringify(claims), this.tokenKey) });
  }

  private principalForLogin(username: unknown, password: unknown): Principal | null {
    if (username === this.options.username && password === this.options.password) return { kind: 'admin', customerId: this.options.customerId };
    const agent = this.options.agents().find((candidate) => candidate.email === username);
    if (agent !== undefined && password === this.options.agentPassword) return { kind: 'agent', customerId: this.options.customerId, agentId: agent.uuid };
    return null;
  }

  private principalForSocket(url: URL): Principal | null {
    if (this.faults.rejectsCredentials('voipbin')) return null;
    const accessKey = url.searchParams.get('accesskey');
    if (accessKey !== null) return accessKey === this.options.accessKey ? { kind: 'accesskey', customerId: this.options.customerId } : null;
    const claims = verifyHs256(url.searchParams.get('token') ?? '', this.tokenKey);
    if (claims === null || typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= Date.now()) return null;
    if (claims['permission'] === 'agent' && typeof claims['agent_id'] === 'string') {
      return { kind: 'agent', customerId: this.options.customerId, agentId: claims['agent_id'] };
    }
    return { kind: 'admin', customerId: this.options.customerId };
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
    if (url.pathname !== '/v1.0/ws') return false;
    const principal = this.principalForSocket(url);
    if (principal === null) {
      SocketPool.rejectUpgrade(socket, 401, 'Unauthorized');
      return true;
    }
    this.pool.accept(
      request,
      socket,
      head,
      (outbox) => {
        const session: VoipbinSession = {
          outbox,
          principal,
          topics: new Set(),
          lastPongAt: Date.now(),
          pingTimer: setInterval(() => this.keepAlive(session), this.options.pingIntervalMs),
        };
        outbox.socket.on('pong', () => (session.lastPongAt = Date.now()));
        outbox.socket.on('message', (data: RawData, isBinary: boolean) => this.onMessage(session, data, isBinary));
        return session;
      },
      (session) => clearInterval(session.pingTimer),
    );
    return true;
  }

  private keepAlive(session: VoipbinSession): void {
    const { socket } = session.outbox;
    // A half-open server is silent and notices nothing, pings and pong checks included.
    if (this.faults.isHalfOpen('voipbin')) {
      session.lastPongAt = Date.now();
      return;
    }
    if (Date.now() - session.lastPongAt > this.options.pongTimeoutMs) {
      socket.terminate();
      return;
    }
    if (session.outbox.isOpen) socket.ping();
  }

  /** Binary, or a forbidden or malformed topic: dropped without a close frame. Invalid JSON: ignored. */
  private onMessage(session: VoipbinSession, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      session.outbox.socket.terminate();
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { type, topics } = message as { type?: unknown; topics?: unknown };
    if (type !== 'subscribe' && type !== 'unsubscribe') return;
    if (!Array.isArray(topics) || !topics.every((topic): topic is string => typeof topic === 'string' && this.allows(session.principal, topic))) {
      session.outbox.socket.terminate();
      return;
    }
    for (const topic of topics) {
      if (type === 'subscribe') session.topics.add(topic);
      else session.topics.delete(topic);
    }
  }

  private allows(principal: Principal, topic: string): boolean {
    const match = TOPIC.exec(topic);
    if (match === null) return false;
    const [, scope, id] = match;
    if (scope === 'customer_id') return principal.kind !== 'agent' && id === principal.customerId;
    if (principal.kind === 'accesskey') return false;
    if (principal.kind === 'agent') return id === principal.agentId;
    return this.options.agents().some((agent) => agent.uuid === id);
  }

  publish(events: readonly BusinessEvent[]): void {
    if (this.pool.sessions.size === 0) return;
    const sessions = [...this.pool.sessions.values()].map((entry) => entry.session).filter((session) => session.topics.size > 0);
    if (sessions.length === 0) return;
    const customerScope = `customer_id:${this.options.customerId}`;
    for (const event of events) {
      for (const publication of voipbinPublications(this.options.customerId, event)) {
        const topics = [...voipbinTopics(customerScope, publication)];
        if (publication.agentUuid !== null) topics.push(...voipbinTopics(`agent_id:${publication.agentUuid}`, publication));
        let frame: string | undefined;
        for (const session of sessions) {
          for (const topic of topics) {
            if (!subscribedTo(session.topics, topic)) continue;
            frame ??= JSON.stringify(this.options.wrapped ? { type: publication.eventType, data: publication.data } : publication.data);
            session.outbox.send(frame);
          }
        }
      }
    }
  }

  /** VoIPBin tokens last a week and are only checked at connect; expiry looks like a drop. */
  expireSockets(): number {
    return this.pool.terminateAll();
  }
}

/** Plain string prefix, no wildcard: `customer_id:X:call:*` matches nothing. */
function subscribedTo(subscribed: ReadonlySet<string>, topic: string): boolean {
  for (const prefix of subscribed) if (topic.startsWith(prefix)) return true;
  return false;
}
