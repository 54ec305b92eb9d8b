import { api, type ConnectionStatus, type LiveBatch, type MonitorEvent } from './api';

const HISTORY_PAGE = 1_000;

/**
 * The live tail the list shows: the newest stored events, then every pushed batch. Holds at most
 * `capacity` events (older ones stay in the store); acknowledges a batch only once the browser
 * has painted it, so a hidden or overloaded window stops the push instead of queueing it.
 */
export class EventFeed {
  events = $state.raw<MonitorEvent[]>([]);
  skipped = $state(0);
  connections = $state.raw<ConnectionStatus[]>([]);
  error = $state<string | null>(null);
  loaded = $state(false);
  private lastSeq = 0;
  private early: LiveBatch[] = [];

  constructor(private readonly capacity = 20_000) {}

  async start(): Promise<void> {
    api.on('liveBatch', (batch) => (this.loaded ? this.apply(batch) : this.early.push(batch)));
    api.on('connectionState', (status) => this.updateConnection(status));
    try {
      const [page, connections] = await Promise.all([api.queryEvents({ limit: HISTORY_PAGE }), api.listConnections()]);
      this.events = page.events;
      this.lastSeq = page.events.at(-1)?.seq ?? 0;
      for (const status of connections) this.updateConnection(status);
      this.loaded = true;
      for (const batch of this.early.splice(0)) this.apply(batch);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private apply(batch: LiveBatch): void {
    const fresh = batch.events.filter((event) => event.seq > this.lastSeq);
    if (fresh.length > 0) {
      this.lastSeq = fresh.at(-1)!.seq;
      const merged = this.events.concat(fresh);
      this.events = merged.length > this.capacity ? merged.slice(merged.length - this.capacity) : merged;
    }
    this.skipped += batch.skipped;
    requestAnimationFrame(() => void api.ackLiveBatch(batch.batchId).catch(() => undefined));
  }

  private updateConnection(status: ConnectionStatus): void {
    const others = this.connections.filter((known) => known.profileId !== status.profileId);
    this.connections = [...others, status];
  }
}
