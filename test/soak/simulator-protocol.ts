import type { DemoCredentials, MalformedKind, ProviderCounters, SimProvider } from '../../src-main/core/simulator';

/** What the soak asks of the simulator child, one message per fault switch it uses. */
export type HostRequest = { id: number } & (
  | { method: 'dropSockets'; provider?: SimProvider }
  | { method: 'expireTokens'; provider?: SimProvider }
  | { method: 'setHalfOpen'; provider: SimProvider; on: boolean }
  | { method: 'setRejectCredentials'; provider: SimProvider; on: boolean }
  | { method: 'sendMalformed'; provider: SimProvider; kind: MalformedKind }
  | { method: 'restart'; downtimeMs: number }
  | { method: 'counters' }
  | { method: 'close' }
);

export type HostReply = { id: number; result: unknown } | { id: number; error: string };

export interface HostReady {
  ready: { baseUrl: string; demo: DemoCredentials };
}

export type CountersByProvider = Record<SimProvider, ProviderCounters>;
