import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MonitorEvent } from '../../src-main/core/api';
import { LiveHub } from '../../src-main/core/pipeline/live-push';
import { LiveSource } from '../../src-main/core/pipeline/live-source';
import { createDialpadDecoder } from '../../src-main/core/providers/dialpad';
import { EventStore } from '../../src-main/core/store/event-store';
import { cpuPerEvent, sampleThreadCpu, type ThreadCpuPerEvent } from './thread-cpu';
import { rate, startThroughput, type Rate, type Throughput } from './throughput';

export interface PipelineResult {
  /** Socket open to the last frame's event committed to the store. */
  stored: Rate;
  /** Socket open to the last stored event handed to the subscriber (in a batch, or counted as skipped). */
  pushed: Throughput;
  /** Events the subscriber got in batches; the rest were counted as skipped, as for a busy window. */
  delivered: number;
  /** After the run: every frame's event is in the store and found by text search. */
  storedCount: number;
  searchableCount: number;
  /** How long after the last append text search found every event. */
  searchableAfterMs: number;
  /** CPU per event of the main thread and of all the others over the measured run; null off Linux. */
  threadMicrosPerEvent: ThreadCpuPerEvent | null;
  /** How old an event was, on average, when the subscriber got it (receive to push). */
  meanAgeAtPushMs: number;
}

const isFrameEvent = (event: MonitorEvent): boolean => !event.type.startsWith('system.');

/**
 * The real path of one profile: Connection -> Dialpad decoder -> Ingest (dedupe, batched append)
 * -> EventStore in `dataDir`, written on its writer thread as in the app -> LiveHub, with one subscriber that acks each batch on the next
 * turn of the event loop, as a renderer that keeps up would.
 */
export async function measurePipeline(
  url: string,
  count: number,
  timeoutMs: number,
  dataDir: string,
  writerScript: string,
): Promise<PipelineResult> {
  const store = EventStore.open({ file: join(dataDir, 'events.sqlite'), writerScript });
  const hub = new LiveHub();
  let openedAt = 0;
  let storedFrames = 0;
  let storedTotal = 0;
  let storedAt = 0;
  let pushedTotal = 0;
  let pushedAt = 0;
  let delivered = 0;
  let ageSum = 0;
  let storeError: Error | null = null;
  const subscriber = hub.subscribe((batch) => {
    delivered += batch.events.length;
    const now = Date.now();
    for (const event of batch.events) ageSum += now - event.receivedAt;
    pushedTotal += batch.events.length + batch.skipped;
    if (storedFrames >= count && pushedTotal >= storedTotal && pushedAt === 0) pushedAt = performance.now();
    setImmediate(() => subscriber.ack(batch.batchId));
  });
  const source = new LiveSource({
    profileId: 'bench',
    source: {
      provider: 'dialpad',
      driver: { resolveTarget: async () => ({ url }) },
      decoder: createDialpadDecoder({}),
      dispose: async () => {},
    },
    store,
    onStored: (events) => {
      storedTotal += events.length;
      for (const event of events) if (isFrameEvent(event)) storedFrames++;
      if (storedFrames >= count && storedAt === 0) storedAt = performance.now();
      hub.publish(events);
    },
    onState: (status) => {
      if (status.state === 'live' && openedAt === 0) openedAt = performance.now();
    },
    onStoreError: (error) => (storeError ??= error),
  });

  const deadline = performance.now() + timeoutMs;
  const measure = startThroughput();
  const threadsAtStart = sampleThreadCpu();
  source.start();
  try {
    while (pushedAt === 0 && storeError === null && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (storeError) throw storeError;
    const end = performance.now();
    // A run cut short by the time limit still reports what went through in that time.
    const pushed = measure(pushedAt === 0 ? pushedTotal : storedTotal, (pushedAt || end) - openedAt);
    // Before the store closes: its writer and checkpointer threads end with it.
    const threadMicrosPerEvent = cpuPerEvent(threadsAtStart, sampleThreadCpu(), pushed.events);
    await source.stop('benchmark over');
    const searchStart = performance.now();
    await store.whenSearchable({ text: 'bench' });
    const searchableCount = store.countMatching({ text: 'bench' });
    return {
      stored: rate(storedFrames, (storedAt || end) - openedAt),
      pushed,
      delivered,
      storedCount: store.countMatching({ topics: ['call'] }),
      searchableCount,
      searchableAfterMs: Math.round(performance.now() - searchStart),
      threadMicrosPerEvent,
      meanAgeAtPushMs: delivered > 0 ? Math.round(ageSum / delivered) : 0,
    };
  } finally {
    subscriber.close();
    await store.close();
  }
}
