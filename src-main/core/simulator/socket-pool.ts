import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { malformedFrame, type FaultState, type MalformedKind, type ProviderCounters, type SimProvider } from './faults';
import { Outbox } from './outbox';

/**
 * The sockets of one provider: accepting upgrades, answering pings unless a half-open fault is
 * on, and the blunt operations every fault and shutdown needs.
 */
export class SocketPool<Session> {
  readonly counters: ProviderCounters = { framesSent: 0, framesDropped: 0, openSockets: 0 };
  readonly sessions = new Map<WebSocket, { outbox: Outbox; session: Session }>();
  private readonly server = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 1024 * 1024 });

  constructor(
    readonly provider: SimProvider,
    private readonly faults: FaultState,
  ) {}

  /** Completes the upgrade and registers the socket; `onClose` runs once when it goes away. */
  accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    createSession: (outbox: Outbox) => Session,
    onClose?: (session: Session) => void,
  ): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const outbox = new Outbox(ws, this.provider, this.faults, this.counters);
      const session = createSession(outbox);
      this.sessions.set(ws, { outbox, session });
      this.counters.openSockets++;
      ws.on('ping', (data) => {
        if (!this.faults.isHalfOpen(this.provider)) ws.pong(data);
      });
      // A client error (bad frame, too big) just ends that socket.
      ws.on('error', () => ws.terminate());
      ws.once('close', () => {
        this.sessions.delete(ws);
        this.counters.openSockets--;
        onClose?.(session);
      });
    });
  }

  /** Gone without a close frame: the client sees 1006. */
  terminateAll(): number {
    const count = this.sessions.size;
    for (const ws of this.sessions.keys()) ws.terminate();
    return count;
  }

  closeAll(code: number, reason: string): number {
    const count = this.sessions.size;
    for (const ws of this.sessions.keys()) ws.close(code, reason);
    return count;
  }

  sendMalformed(kind: MalformedKind): number {
    const { data, binary } = malformedFrame(kind);
    let count = 0;
    for (const { outbox } of this.sessions.values()) {
      if (!outbox.isOpen) continue;
      outbox.sendUncounted(data, binary);
      count++;
    }
    return count;
  }

  /** Ends everything, waiting until each socket is really closed. */
  async shutdown(): Promise<void> {
    const closing = [...this.sessions.keys()].map(
      (ws) => new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.terminate();
      }),
    );
    await Promise.all(closing);
  }

  /** The handshake refused before any socket exists. */
  static rejectUpgrade(socket: Duplex, status: number, message: string): void {
    socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  }
}
