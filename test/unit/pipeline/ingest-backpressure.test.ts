import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { Ingest } from '../../../src-main/core/pipeline/ingest';
import { createRawWebSocketDecoder } from '../../../src-main/core/providers/websocket';
import type { NewEvent } from '../../../src-main/core/store/event-store';

/** A store whose writes finish only when the test says so. */
function slowStore() {
  const writes: { events: readonly NewEvent[]; finish: () => void }[] = [];
  let seq = 0;
  return {
    writes,
    write(events: readonly NewEvent[]): Promise<MonitorEvent[]> {
      return new Promise((resolve) =>
        writes.push({ events, finish: () => resolve(events.map((event) => ({ ...event, seq: ++seq }))) }),
      );
    },
  };
}

const frame = (text: string) => ({ data: Buffer.from(text), isBinary: false, receivedAt: 1 });

describe('ingest behind a slow store', () => {
  it('writes one batch at a time, stops reading the socket when a full batch waits, and reads again once it is taken', async () => {
    const store = slowStore();
    const reading: boolean[] = [];
    const stored: number[] = [];
    const ingest = new Ingest({
      connectionId: 'c',
      provider: 'websocket',
      decoder: createRawWebSocketDecoder(),
      store,
      onStored: (events) => stored.push(...events.map((event) => event.seq)),
      onStoreError: (error) => {
        throw error;
      },
      maxBatch: 10,
      setReading: (value) => reading.push(value),
    });
    for (let index = 0; index < 10; index++) ingest.acceptFrame(frame(`a${index}`));
    expect(store.writes).toHaveLength(1);

    for (let index = 0; index < 9; index++) ingest.acceptFrame(frame(`b${index}`));
    expect(reading).toEqual([]);
    ingest.acceptFrame(frame('b9'));
    expect(reading).toEqual([false]);
    // Frames the socket had already read still arrive while it is paused, and are kept.
    for (let index = 10; index < 40; index++) ingest.acceptFrame(frame(`b${index}`));
    expect(store.writes).toHaveLength(1);

    store.writes[0]!.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.writes).toHaveLength(2);
    expect(store.writes[1]!.events).toHaveLength(40);
    expect(reading).toEqual([false, true]);

    store.writes[1]!.finish();
    await ingest.drain();
    expect(stored).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    ingest.close();
  });
});
