import { join } from 'node:path';
import type { ApiEventName, ApiEvents, AppInfo, ConnectionStatus, MonitorEvent, ProfileSummary, SwitchboardApi } from './api';
import { parseEventQuery, requireSeq, requireString } from './api-validation';
import { LiveHub } from './pipeline/live-push';
import { LiveSource } from './pipeline/live-source';
import { createDemoSource, DEMO_PROFILE } from './profiles/demo';
import type { SimulatorOptions } from './simulator';
import { EventStore } from './store/event-store';

export type PushFn = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

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
  const sources = new Map<string, LiveSource>();
  const profiles: ProfileSummary[] = [DEMO_PROFILE];
  const info: AppInfo = { version: options.version, mode: options.mode, platform: process.platform, dataDir: options.dataDir };

  const broadcastState = (status: ConnectionStatus): void => {
    for (const push of sessions) push('connectionState', status);
  };

  const findProfile = (profileId: unknown): ProfileSummary => {
    const id = requireString(profileId, 'profileId');
    const profile = profiles.find((candidate) => candidate.id === id);
    if (!profile) throw new Error(`There is no profile "${id}".`);
    return profile;
  };

  const connect = (profile: ProfileSummary): ConnectionStatus => {
    const running = sources.get(profile.id);
    if (running && !['closed', 'failed'].includes(running.connection.status.state)) return running.connection.status;
    const source = new LiveSource({
      profileId: profile.id,
      source: createDemoSource(options.demo ?? {}),
      store,
      onStored: (events: MonitorEvent[]) => hub.publish(events),
      onState: broadcastState,
      onStoreError: (error) => log(`Switchboard: could not write events to the store: ${error.message}`),
    });
    sources.set(profile.id, source);
    source.start();
    return source.connection.status;
  };

  const disconnect = async (profile: ProfileSummary): Promise<ConnectionStatus> => {
    const source = sources.get(profile.id);
    if (!source) throw new Error(`"${profile.name}" is not connected.`);
    await source.stop('Disconnected by the user');
    return source.connection.status;
  };

  if (options.autoConnect ?? true) connect(DEMO_PROFILE);

  return {
    store,
    openSession(push: PushFn): ApiSession {
      sessions.add(push);
      const live = hub.subscribe((batch) => push('liveBatch', batch));
      return {
        getAppInfo: async () => info,
        listProfiles: async () => profiles,
        listConnections: async () => [...sources.values()].map((source) => source.connection.status),
        connect: async (profileId) => connect(findProfile(profileId)),
        disconnect: async (profileId) => disconnect(findProfile(profileId)),
        queryEvents: async (query) => store.query(parseEventQuery(query)),
        getEvent: async (seq) => store.get(requireSeq(seq, 'seq')),
        ackLiveBatch: async (batchId) => live.ack(requireSeq(batchId, 'batchId')),
        close: () => {
          sessions.delete(push);
          live.close();
        },
      };
    },
    healthCheck(reason: string): void {
      for (const source of sources.values()) source.connection.healthCheck(reason);
    },
    async close(): Promise<void> {
      await Promise.all([...sources.values()].map((source) => source.stop('Switchboard is closing')));
      store.close();
    },
  };
}
