import type { ConnectionStatus, MonitorEvent } from '../api';
import { Connection } from '../connection/connection';
import type { ProviderSource } from '../providers/source';
import type { EventStore } from '../store/event-store';
import { Ingest } from './ingest';

export interface LiveSourceOptions {
  profileId: string;
  source: ProviderSource;
  store: EventStore;
  onStored: (events: MonitorEvent[]) => void;
  onState: (status: ConnectionStatus) => void;
  onStoreError: (error: Error) => void;
}

/** One profile's socket wired into the store: every frame and every lifecycle step is logged. */
export class LiveSource {
  readonly connection: Connection;
  private readonly ingest: Ingest;

  constructor(private readonly options: LiveSourceOptions) {
    const connectionId = `${options.profileId}:${Date.now().toString(36)}`;
    this.connection = new Connection({ profileId: options.profileId, connectionId, driver: options.source.driver });
    this.ingest = new Ingest({
      connectionId,
      provider: options.source.provider,
      decoder: options.source.decoder,
      store: options.store,
      onStored: options.onStored,
      onStoreError: options.onStoreError,
      setReading: (reading) => this.connection.setReading(reading),
    });
    this.connection.on('frame', (frame) => this.ingest.acceptFrame(frame));
    this.connection.on('lifecycle', (entry) => this.ingest.acceptLifecycle(entry));
    this.connection.on('state', (status) => options.onState(status));
  }

  start(): void {
    this.connection.start();
  }

  async stop(reason: string): Promise<void> {
    await this.connection.stop(reason);
    await this.ingest.drain();
    this.ingest.close();
    await this.options.source.dispose();
  }
}
