import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BusinessEvent } from './business-events';
import type { MalformedKind, ProviderCounters, SimProvider } from './faults';

/** What the simulator asks of each protocol's socket side. */
export interface ProviderSocketServer {
  readonly provider: SimProvider;
  /** Takes the upgrade when the path belongs to this provider; returns false otherwise. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean;
  publish(events: readonly BusinessEvent[]): void;
  dropSockets(): number;
  expireSockets(): number;
  sendMalformed(kind: MalformedKind): number;
  counters(): ProviderCounters;
  /** Ends every socket and timer of the provider. */
  shutdown(): Promise<void>;
}
