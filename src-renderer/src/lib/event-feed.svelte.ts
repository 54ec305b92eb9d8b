import { api, type ConnectionStatus, type LiveBatch, type MonitorEvent } from './api';
import { logFloor } from './log-floor.svelte';
import { withoutDeleted } from './without-deleted';

const HISTORY_PAGE = 1_000;
/** Events the live tail holds; older ones stay in the store. */
export const FEED_CAPACITY = 20_000;

/** Takes the events a commit added to the tail, oldest first. */
export type FeedListener = (fresh: readonly MonitorEvent[]) => void;

/**
 * The live tail the list shows: the newest stored events, then every pushed batch, at most
 * `capacity` of them. Batches that arrive between two frames are applied together at the next
 * frame, so the UI updates once per frame however the socket delivers them; each is acknowledged
 * only once that frame is painted, so a hidden or overloaded window stops the push instead of
 * queueing it. Events retention deletes leave the tail as soon as the core says so.
 */
export class EventFeed {
  events = $state.raw<MonitorEvent[]>([]);
  skipped = $state(0);
  connections = $state.raw<ConnectionStatus[]>([]);
  error = $state<string | null>(null);
  loaded = $state(false);
  private lastSeq = 0;
  private pending: LiveBatch[] = [];
  private commitQueued = false;
  private readonly listeners = new Set<FeedListener>();

  constructor(private readonly capacity = FEED_CAPACITY) {}

  async start(): Promise<void> {
    api.on('liveBatch', (batch) => this.receive(batch));
    api.on('connectionState', (status) => this.updateConnection(status));
    logFloor.onRaise((keptFromSeq) => (this.events = withoutDeleted(this.events, keptFromSeq)));
    try {
      const [page, connections] = await Promise.all([api.queryEvents({ limit: HISTORY_PAGE }), api.listConnections()]);
      for (const status of connections) this.updateConnection(status);
      this.add(page.events);
      this.loaded = true;
      if (this.pending.length > 0) this.queueCommit();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Hands `listener` the tail held now, then the new events of every commit; returns the unsubscribe. */
  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    if (this.events.length > 0) listener(this.events);
    return () => this.listeners.delete(listener);
  }

  private receive(batch: LiveBatch): void {
    this.pending.push(batch);
    if (this.loaded) this.queueCommit();
  }

  private queueCommit(): void {
    if (this.commitQueued) return;
    this.commitQueued = true;
    requestAnimationFrame(() => {
      this.commitQueued = false;
      this.commit();
    });
  }

  private commit(): void {
    const batches = this.pending;
    this.pending = [];
    this.add(batches.flatMap((batch) => batch.events));
    const skipped = batches.reduce((sum, batch) => sum + batch.skipped, 0);
    if (skipped > 0) this.skipped += skipped;
    // The next frame callback runs once this frame, with the batches in it, has been painted.
    requestAnimationFrame(() => {
      for (const batch of batches) void api.ackLiveBatch(batch.batchId).catch(() => undefined);
    });
  }

  private add(events: readonly MonitorEvent[]): void {
    // A batch or the first page can leave before a retention pass and land after it.
    const fresh = events.filter((event) => event.seq > this.lastSeq && !logFloor.isDeleted(event.seq));
    if (fresh.length === 0) return;
    this.lastSeq = fresh.at(-1)!.seq;
    const merged = this.events.concat(fresh);
    this.events = merged.length > this.capacity ? merged.slice(merged.length - this.capacity) : merged;
    for (const listener of this.listeners) listener(fresh);
  }

  private updateConnection(status: ConnectionStatus): void {
    const others = this.connections.filter((known) => known.profileId !== status.profileId);
    this.connections = [...others, status];
  }
}
