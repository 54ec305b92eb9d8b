import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveBatch, MonitorEvent } from '../../../src-main/core/api';
import { LiveHub, LiveSubscriber } from '../../../src-main/core/pipeline/live-push';

const event = (seq: number): MonitorEvent => ({
  seq,
  connectionId: 'c',
  provider: 'websocket',
  receivedAt: seq,
  occurredAt: null,
  topic: 'messages',
  type: 'message.text',
  callId: null,
  summary: `event ${seq}`,
  raw: String(seq),
  rawEncoding: 'text',
  payload: null,
  verified: null,
});
const events = (from: number, to: number): MonitorEvent[] => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));

describe('live push with credit-based flow control', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('batches events per interval and sends nothing when there is nothing new', () => {
    const sent: LiveBatch[] = [];
    const subscriber = new LiveSubscriber((batch) => sent.push(batch), { credit: 2, maxBatch: 100, flushIntervalMs: 50 });
    subscriber.offer(events(1, 3));
    subscriber.offer(events(4, 5));
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([{ batchId: 1, events: events(1, 5), skipped: 0 }]);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
  });

  it('sends a burst in full batches at once while it has credit, dropping nothing', () => {
    const sent: LiveBatch[] = [];
    const subscriber = new LiveSubscriber((batch) => sent.push(batch), { credit: 3, maxBatch: 10, flushIntervalMs: 50 });
    subscriber.offer(events(1, 25));
    expect(sent.map((batch) => batch.events.length)).toEqual([10, 10]);
    vi.advanceTimersByTime(50);
    expect(sent.map((batch) => batch.events.length)).toEqual([10, 10, 5]);
    expect(sent.flatMap((batch) => batch.events.map((e) => e.seq))).toEqual(events(1, 25).map((e) => e.seq));
    expect(sent.every((batch) => batch.skipped === 0)).toBe(true);
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(3);
  });

  it('stops sending when credit runs out, keeps only the newest events and counts the rest as skipped', () => {
    const sent: LiveBatch[] = [];
    const subscriber = new LiveSubscriber((batch) => sent.push(batch), { credit: 1, maxBatch: 10, flushIntervalMs: 50 });
    subscriber.offer(events(1, 5));
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);

    // A hidden renderer never acknowledges: 10,000 more events must not pile up.
    for (let start = 6; start <= 10_005; start += 100) subscriber.offer(events(start, start + 99));
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(1);

    // A full batch was waiting: it goes out with the acknowledgement, not an interval later.
    subscriber.ack(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.events.map((e) => e.seq)).toEqual(events(9_996, 10_005).map((e) => e.seq));
    expect(sent[1]!.skipped).toBe(10_005 - 5 - 10);
  });

  it('keeps as many waiting events as its credit would carry, so a late acknowledgement loses nothing', () => {
    const sent: LiveBatch[] = [];
    const subscriber = new LiveSubscriber((batch) => sent.push(batch), { credit: 2, maxBatch: 10, flushIntervalMs: 50 });
    subscriber.offer(events(1, 20));
    expect(sent).toHaveLength(2);
    // No credit: the next 20 wait, the 5 after them push out the oldest.
    subscriber.offer(events(21, 45));
    subscriber.ack(1);
    subscriber.ack(2);
    expect(sent.slice(2).map((batch) => [batch.events[0]!.seq, batch.events.at(-1)!.seq, batch.skipped])).toEqual([
      [26, 35, 5],
      [36, 45, 0],
    ]);
  });

  it('ignores acknowledgements of batches it never sent or already acknowledged', () => {
    const sent: LiveBatch[] = [];
    const subscriber = new LiveSubscriber((batch) => sent.push(batch), { credit: 1, maxBatch: 10, flushIntervalMs: 10 });
    subscriber.offer(events(1, 1));
    vi.advanceTimersByTime(10);
    subscriber.ack(1);
    subscriber.ack(1);
    subscriber.ack(99);
    subscriber.offer(events(2, 2));
    vi.advanceTimersByTime(10);
    subscriber.offer(events(3, 3));
    vi.advanceTimersByTime(10);
    expect(sent.map((batch) => batch.batchId)).toEqual([1, 2]);
  });

  it('fans out to every subscriber independently and forgets closed ones', () => {
    const hub = new LiveHub({ credit: 1, maxBatch: 10, flushIntervalMs: 10 });
    const a: LiveBatch[] = [];
    const b: LiveBatch[] = [];
    hub.subscribe((batch) => a.push(batch));
    const second = hub.subscribe((batch) => b.push(batch));
    hub.publish(events(1, 2));
    vi.advanceTimersByTime(10);
    second.close();
    hub.publish(events(3, 3));
    vi.advanceTimersByTime(10);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
