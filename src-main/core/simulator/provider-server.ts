import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BusinessEvent } from './business-events';
import type { MalformedKind, ProviderCounters, SimProvider } from './faults';
import type { SocketPool } from './socket-pool';

/**
 * What the simulator asks of each protocol's socket side. The fault switches that act on every
 * socket alike live here; each protocol adds how it accepts, feeds and expires its sockets.
 */
export abstract class ProviderSocketServer<Session = unknown> {
  abstract readonly provider: SimProvider;
  protected abstract readonly pool: SocketPool<Session>;

  /** Takes the upgrade when the path belongs to this provider; returns false otherwise. */
  abstract handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean;
  abstract publish(events: readonly BusinessEvent[]): void;
  abstract expireSockets(): number;

  dropSockets(): number {
    return this.pool.terminateAll();
  }

  sendMalformed(kind: MalformedKind): number {
    return this.pool.sendMalformed(kind);
  }

  counters(): ProviderCounters {
    return { ...this.pool.counters };
  }

  /** Ends every socket and timer of the provider. */
  shutdown(): Promise<void> {
    return this.pool.shutdown();
  }
}
