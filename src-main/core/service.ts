import { join } from 'node:path';
import type { AppInfo, SwitchboardApi } from './api';
import type { CoreContext, PushFn } from './handlers/context';
import { connectionHandlers, connectProfile } from './handlers/connections';
import { eventHandlers } from './handlers/events';
import { LiveHub } from './pipeline/live-push';
import { SourceRegistry } from './pipeline/source-registry';
import { DEMO_PROFILE } from './profiles/demo';
import type { SimulatorOptions } from './simulator';
import { EventStore } from './store/event-store';

export type { PushFn } from './handlers/context';

/** The API as one client (a window, a browser tab) sees it, with its own live-push credit. */
export interface ApiSession extends SwitchboardApi {
  close(): void;
}

export interface SessionHost {
  openSession(push: PushFn): ApiSession;
}

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** Path of a better-sqlite3 binary built for this runtime (Electron's ABI differs from Node's). */
  sqliteNativeBinding?: string;
  demo?: SimulatorOptions;
  /** Connect the default profile at start, as a first-time user expects. */
  autoConnect?: boolean;
  log?: (line: string) => void;
}

export interface Core extends SessionHost {
  readonly store: EventStore;
  /** After sleep/resume or a network change: make every live socket prove it is alive. */
  healthCheck(reason: string): void;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((line: string) => console.error(line));
  const store = EventStore.open({
    file: join(options.dataDir, 'events.sqlite'),
    ...(options.sqliteNativeBinding && { nativeBinding: options.sqliteNativeBinding }),
  });
  const hub = new LiveHub();
  const sessions = new Set<PushFn>();
  const broadcast: PushFn = (event, payload) => {
    for (const push of sessions) push(event, payload);
  };
  const core: CoreContext = {
    info: { version: options.version, mode: options.mode, platform: process.platform, dataDir: options.dataDir },
    store,
    hub,
    sources: new SourceRegistry({
      store,
      onStored: (events) => hub.publish(events),
      onState: (status) => broadcast('connectionState', status),
      onStoreError: (error) => log(`Switchboard: could not write events to the store: ${error.message}`),
    }),
    demo: options.demo ?? {},
    broadcast,
    log,
  };

  if (options.autoConnect ?? true) connectProfile(core, DEMO_PROFILE);

  return {
    store,
    openSession(push: PushFn): ApiSession {
      sessions.add(push);
      const session = { push, live: hub.subscribe((batch) => push('liveBatch', batch)) };
      return {
        getAppInfo: async () => core.info,
        ...connectionHandlers(core),
        ...eventHandlers(core, session),
        close: () => {
          sessions.delete(push);
          session.live.close();
        },
      };
    },
    healthCheck: (reason) => core.sources.healthCheck(reason),
    async close(): Promise<void> {
      await core.sources.stopAll('Switchboard is closing');
      store.close();
    },
  };
}
