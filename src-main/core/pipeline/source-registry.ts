import type { ConnectionStatus, MonitorEvent, ProfileSummary } from '../api';
import type { ProviderSource } from '../providers/source';
import type { EventStore } from '../store/event-store';
import { LiveSource } from './live-source';

export interface SourceRegistryOptions {
  store: EventStore;
  onStored: (events: MonitorEvent[]) => void;
  onState: (status: ConnectionStatus) => void;
  onStoreError: (error: Error) => void;
}

/** The live connections, at most one per profile. */
export class SourceRegistry {
  private readonly sources = new Map<string, LiveSource>();

  constructor(private readonly options: SourceRegistryOptions) {}

  statuses(): ConnectionStatus[] {
    return [...this.sources.values()].map((source) => source.connection.status);
  }

  /** Connects the profile unless it already is; `createSource` runs only when a new socket is needed. */
  connect(profile: ProfileSummary, createSource: () => ProviderSource): ConnectionStatus {
    const running = this.sources.get(profile.id);
    if (running && !['closed', 'failed'].includes(running.connection.status.state)) return running.connection.status;
    const source = new LiveSource({ profileId: profile.id, source: createSource(), ...this.options });
    this.sources.set(profile.id, source);
    source.start();
    return source.connection.status;
  }

  async disconnect(profile: ProfileSummary): Promise<ConnectionStatus> {
    const source = this.sources.get(profile.id);
    if (!source) throw new Error(`"${profile.name}" is not connected.`);
    await source.stop('Disconnected by the user');
    return source.connection.status;
  }

  healthCheck(reason: string): void {
    for (const source of this.sources.values()) source.connection.healthCheck(reason);
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all([...this.sources.values()].map((source) => source.stop(reason)));
  }
}
