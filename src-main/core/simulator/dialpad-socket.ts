import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BusinessEvent } from './business-events';
import { DialpadDirectory, type SocketGrant } from './dialpad-directory';
import { dialpadPayload } from './dialpad-format';
import type { FaultState } from './faults';
import { signHs256 } from './jwt';
import type { Outbox } from './outbox';
import { ProviderSocketServer } from './provider-server';
import { SocketPool } from './socket-pool';

interface DialpadSession {
  outbox: Outbox;
  grant: SocketGrant;
  expiryTimer: NodeJS.Timeout;
}

/** Dialpad closes the socket when the token's hour is up; the code is not documented. */
const EXPIRED_CLOSE_CODE = 1000;
const EXPIRED_REASON = 'token expired';

/**
 * The Dialpad event socket: `/events/<token>`. Each socket gets the events of the subscriptions
 * its token covers, as plain JSON, or as an HS256 JWT when its websocket has a secret.
 */
export class DialpadSocketServer extends ProviderSocketServer<DialpadSession | null> {
  readonly provider = 'dialpad' as const;
  protected readonly pool: SocketPool<DialpadSession | null>;

  constructor(
    private readonly directory: DialpadDirectory,
    private readonly faults: FaultState,
  ) {
    super();
    this.pool = new SocketPool<DialpadSession | null>('dialpad', faults);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean {
    const match = /^\/events\/([^/]+)$/.exec(url.pathname);
    if (match === null) return false;
    const token = decodeURIComponent(match[1] ?? '');
    const grant = this.faults.rejectsCredentials('dialpad') ? null : this.directory.readToken(token);
    if (grant === null) {
      // The service answers a bad token with a text message then closes (wording undocumented).
      this.pool.accept(request, socket, head, (outbox) => {
        outbox.sendUncounted(Buffer.from('invalid key'), false);
        outbox.socket.close(1008, 'invalid key');
        return null;
      });
      return true;
    }
    this.pool.accept(
      request,
      socket,
      head,
      (outbox): DialpadSession => ({
        outbox,
        grant,
        expiryTimer: setTimeout(() => outbox.socket.close(EXPIRED_CLOSE_CODE, EXPIRED_REASON), Math.max(0, grant.expiresAt - Date.now())),
      }),
      (session) => {
        if (session !== null) clearTimeout(session.expiryTimer);
      },
    );
    return true;
  }

  publish(events: readonly BusinessEvent[]): void {
    if (this.pool.sessions.size === 0) return;
    const subscriptions = [...this.directory.subscriptions.values()];
    for (const event of events) {
      const matching = subscriptions.filter((subscription) => DialpadDirectory.matches(subscription, event));
      if (matching.length === 0) continue;
      let json: string | undefined;
      const signed = new Map<string, string>();
      for (const { session } of this.pool.sessions.values()) {
        if (session === null || !this.delivers(session.grant, matching)) continue;
        const secret = this.directory.websockets.get(session.grant.websocketId)?.secret ?? null;
        json ??= JSON.stringify(dialpadPayload(event));
        if (secret === null) {
          session.outbox.send(json);
          continue;
        }
        let token = signed.get(secret);
        if (token === undefined) {
          token = signHs256(json, secret);
          signed.set(secret, token);
        }
        session.outbox.send(token);
      }
    }
  }

  private delivers(grant: SocketGrant, matching: readonly { id: string; websocketId: string }[]): boolean {
    if (grant.subscriptionId !== null) return matching.some((subscription) => subscription.id === grant.subscriptionId);
    return matching.some((subscription) => subscription.websocketId === grant.websocketId);
  }

  expireSockets(): number {
    return this.pool.closeAll(EXPIRED_CLOSE_CODE, EXPIRED_REASON);
  }
}
