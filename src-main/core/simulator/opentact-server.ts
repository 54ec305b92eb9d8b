import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import type { BusinessEvent } from './business-events';
import type { FaultState } from './faults';
import { HttpError, sendJson, type HttpRouter, type RouteContext } from './http-router';
import { signHs256, verifyHs256 } from './jwt';
import { opentactFrames, type OpentactShape } from './opentact-format';
import type { Outbox } from './outbox';
import { ProviderSocketServer } from './provider-server';
import type { Random } from './prng';
import { uuid } from './roster';
import { SocketPool } from './socket-pool';

/** Opentact: `/rest/auth`, `/rest/event/subscription`, and the `/wss` socket with in-band auth. */

export interface OpentactOptions {
  email: string;
  password: string;
  shape: OpentactShape;
  /** Where the socket listens; some clients use the root. */
  socketPaths: readonly string[];
}

interface EventSubscription {
  uuid: string;
  channel: string;
  type: string;
  is_active: boolean;
  expired_on: string;
  created_on: string;
}

interface OpentactSession {
  outbox: Outbox;
  authenticated: boolean;
}

const TOKEN_LIFETIME_SEC = 24 * 3600;
const AUTH_FAILED_CLOSE_CODE = 4001;

export function renderOpentactError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { success: false, message });
}

export class OpentactServer extends ProviderSocketServer<OpentactSession> {
  readonly provider = 'opentact' as const;
  protected readonly pool: SocketPool<OpentactSession>;
  private readonly tokenKey = randomBytes(32).toString('hex');
  private readonly subscriptions = new Map<string, EventSubscription>();
  private readonly user: { uuid: string; email: string; first_name: string; last_name: string };
  private readonly account: { uuid: string; name: string };
  private readonly sipControlAppUuid: string;

  constructor(
    private readonly options: OpentactOptions,
    private readonly faults: FaultState,
    private readonly random: Random,
  ) {
    super();
    this.pool = new SocketPool<OpentactSession>('opentact', faults);
    this.user = { uuid: uuid(random), email: options.email, first_name: 'Demo', last_name: 'Supervisor' };
    this.account = { uuid: uuid(random), name: 'Switchboard Demo' };
    this.sipControlAppUuid = uuid(random);
  }

  register(router: HttpRouter): void {
    router
      .add('GET', '/rest/auth', (context) => this.auth(context))
      .add('POST', '/rest/event/subscription', (context) => this.createSubscription(context))
      .add('GET', '/rest/event/subscription', (context) => this.listSubscriptions(context))
      .add('DELETE', '/rest/event/subscription/:uuid', (context) => this.deleteSubscription(context));
  }

  private auth({ request, response }: RouteContext): void {
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const [email, ...rest] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    const valid = !this.faults.rejectsCredentials('opentact') && email === this.options.email && rest.join(':') === this.options.password;
    if (!valid) throw new HttpError(401, 'Invalid email or password');
    const iat = Math.floor(Date.now() / 1000);
    const token = signHs256(JSON.stringify({ uuid: this.user.uuid, email: this.user.email, iat, exp: iat + TOKEN_LIFETIME_SEC }), this.tokenKey);
    sendJson(response, 200, { success: true, payload: { token } });
  }

  private tokenIsValid(token: string): boolean {
    if (this.faults.rejectsCredentials('opentact')) return false;
    const claims = verifyHs256(token, this.tokenKey);
    return claims !== null && typeof claims['exp'] === 'number' && claims['exp'] * 1000 > Date.now();
  }

  private requireToken(request: IncomingMessage): void {
    const token = request.headers['x-auth-token'];
    if (typeof token !== 'string' || !this.tokenIsValid(token)) throw new HttpError(401, 'Unauthorized');
  }

  private createSubscription({ request, response, body }: RouteContext): void {
    this.requireToken(request);
    const { type, channel, expired_on: expiredOn } = body;
    if (typeof type !== 'string' || type === '') throw new HttpError(400, 'type is required');
    if (channel !== 'wss' && channel !== 'webhook') throw new HttpError(400, 'channel must be wss or webhook');
    if (typeof expiredOn !== 'string' || Number.isNaN(Date.parse(expiredOn))) throw new HttpError(400, 'expired_on must be an ISO date');
    const subscription: EventSubscription = {
      uuid: uuid(this.random),
      channel,
      type,
      is_active: body['is_active'] !== false,
      expired_on: new Date(expiredOn).toISOString(),
      created_on: new Date().toISOString(),
    };
    this.subscriptions.set(subscription.uuid, subscription);
    sendJson(response, 200, { success: true, payload: subscription });
  }

  private listSubscriptions({ request, response }: RouteContext): void {
    this.requireToken(request);
    sendJson(response, 200, { success: true, payload: [...this.subscriptions.values()] });
  }

  private deleteSubscription({ request, response, params }: RouteContext): void {
    this.requireToken(request);
    const subscription = this.subscriptions.get(params['uuid'] ?? '');
    if (subscription === undefined) throw new HttpError(404, 'Subscription not found');
    this.subscriptions.delete(subscription.uuid);
    sendJson(response, 200, { success: true, payload: subscription });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
    if (!this.options.socketPaths.includes(url.pathname)) return false;
    this.pool.accept(request, socket, head, (outbox) => {
      const session: OpentactSession = { outbox, authenticated: false };
      outbox.socket.on('message', (data: RawData, isBinary: boolean) => this.onMessage(session, data, isBinary, request));
      return session;
    });
    return true;
  }

  private onMessage(session: OpentactSession, data: RawData, isBinary: boolean, request: IncomingMessage): void {
    if (isBinary || session.authenticated) return;
    let message: unknown;
    try {
      message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    } catch {
      return;
    }
    const { type, payload } = (message ?? {}) as { type?: unknown; payload?: unknown };
    if (type !== 'auth') return;
    if (typeof payload !== 'string' || !this.tokenIsValid(payload)) {
      // The failure reply is undocumented: a non-success auth frame, then the socket closes.
      session.outbox.sendUncounted(Buffer.from(JSON.stringify({ type: 'auth', success: false, message: 'Invalid token' })), false);
      session.outbox.socket.close(AUTH_FAILED_CLOSE_CODE, 'auth failed');
      return;
    }
    session.authenticated = true;
    const connectionId = uuid(this.random);
    const ip = request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
    session.outbox.sendUncounted(
      Buffer.from(JSON.stringify({
        uuid: uuid(this.random),
        created_on: new Date().toISOString(),
        type: 'auth',
        message: `WSS connection ${connectionId}@${ip} - success auth ${this.user.email}`,
        payload: { uuid: connectionId, ip, user: this.user, account: this.account },
      })),
      false,
    );
  }

  publish(events: readonly BusinessEvent[]): void {
    const sessions = [...this.pool.sessions.values()].map((entry) => entry.session).filter((session) => session.authenticated);
    if (sessions.length === 0) return;
    const now = Date.now();
    const activeTypes = new Set(
      [...this.subscriptions.values()]
        .filter((subscription) => subscription.is_active && subscription.channel === 'wss' && Date.parse(subscription.expired_on) > now)
        .map((subscription) => subscription.type),
    );
    if (activeTypes.size === 0) return;
    const account = { accountUuid: this.account.uuid, accountName: this.account.name, sipControlAppUuid: this.sipControlAppUuid };
    for (const event of events) {
      for (const { subscriptionTypes, frame } of opentactFrames(event, this.options.shape, account)) {
        if (!subscriptionTypes.some((type) => activeTypes.has(type))) continue;
        const text = JSON.stringify(frame);
        for (const session of sessions) session.outbox.send(text);
      }
    }
  }

  expireSockets(): number {
    return this.pool.closeAll(AUTH_FAILED_CLOSE_CODE, 'token expired');
  }
}
