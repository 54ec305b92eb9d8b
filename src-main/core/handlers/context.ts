import type { ApiEventName, ApiEvents, AppInfo } from '../api';
import type { LiveHub, LiveSubscriber } from '../pipeline/live-push';
import type { SourceRegistry } from '../pipeline/source-registry';
import type { EventStore } from '../store/event-store';
import type { SimulatorOptions } from '../simulator';

export type PushFn = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/** What every handler may use: the core's long-lived parts, shared by all sessions. */
export interface CoreContext {
  info: AppInfo;
  store: EventStore;
  hub: LiveHub;
  sources: SourceRegistry;
  demo: SimulatorOptions;
  /** Pushes an event to every open session. */
  broadcast: PushFn;
  log: (line: string) => void;
}

/** What belongs to one client: its push channel and its live-tail credit. */
export interface SessionContext {
  push: PushFn;
  live: LiveSubscriber;
}
