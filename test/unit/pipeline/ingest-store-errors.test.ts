import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { Ingest } from '../../../src-main/core/pipeline/ingest';
import { createRawWebSocketDecoder } from '../../../src-main/core/providers/websocket';
import type { NewEvent } from '../../../src-main/core/store/event-store';

/** A store whose disk is full until `healthy` is set. */
function flakyStore() {
  const stored: MonitorEvent[] = [];
  const store = {
    healthy: false,
    stored,
    async write(events: readonly NewEvent[]): Promise<MonitorEvent[]> {
      if (!store.healthy) throw new Error('database or disk is full');
      const added = events.map((event, index) => ({ ...event, seq: stored.length + index + 1 }));
      stored.push(...added);
      return added;
    },
  };
  return store;
}

const frame = (text: string) => ({ data: Buffer.from(text), isBinary: false, receivedAt: 1 });

/** Raw WebSocket frames into `store`, flushed every 10 ms; store errors collected as messages. */
function ingestInto(store: ReturnType<typeof flakyStore>, options: { onStored?: (events: MonitorEvent[]) => void; maxBacklog?: number } = {}) {
  const errors: string[] = [];
  const ingest = new Ingest({
    connectionId: 'c',
    provider: 'websocket',
    decoder: createRawWebSocketDecoder(),
    store,
    onStored: options.onStored ?? (() => undefined),
    onStoreError: (error) => errors.push(error.message),
    flushIntervalMs: 10,
    ...(options.maxBacklog !== undefined && { maxBacklog: options.maxBacklog }),
  });
  return { ingest, errors };
}

describe('ingest when the store fails', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the events, says so, and stores them once the store recovers', async () => {
    const store = flakyStore();
    const pushed: MonitorEvent[] = [];
    const { ingest, errors } = ingestInto(store, { onStored: (events) => pushed.push(...events) });
    for (const text of ['a', 'b', 'c']) ingest.acceptFrame(frame(text));
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual(['database or disk is full']);
    expect(pushed).toHaveLength(0);

    store.healthy = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.stored.map((event) => event.raw)).toEqual(['a', 'b', 'c']);
    expect(pushed.map((event) => event.seq)).toEqual([1, 2, 3]);
    ingest.close();
  });

  it('bounds what waits in memory and reports how many of the oldest events it dropped', async () => {
    const store = flakyStore();
    const { ingest, errors } = ingestInto(store, { maxBacklog: 2 });
    for (const text of ['a', 'b', 'c', 'd']) ingest.acceptFrame(frame(text));
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual(['database or disk is full (the oldest 2 waiting events were dropped to bound memory)']);
    store.healthy = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.stored.map((event) => event.raw)).toEqual(['c', 'd']);
    ingest.close();
  });
});
