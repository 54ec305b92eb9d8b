import { afterEach, describe, expect, it } from 'vitest';
import type { BoardDiff, MonitorEvent } from '../../../src-main/core/api';
import { BoardModel } from '../../../src-main/core/calls/board-model';
import { BoardService } from '../../../src-main/core/calls/board-service';
import { EventStore } from '../../../src-main/core/store/event-store';
import { dialpadAgentStatus, dialpadCall, ProviderEvents, T0 } from './provider-events';

const s = (seconds: number): number => T0 + seconds * 1000;
const ALICE = { id: '7001', name: 'Alice Moreno' };

/** Stores frames as the pipeline would: the store assigns the seqs. */
function storeFrames(store: EventStore, frames: Record<string, unknown>[]): MonitorEvent[] {
  const events = new ProviderEvents('dialpad');
  return store.append(frames.map((frame, index) => {
    const { seq: _seq, ...event } = events.frame(frame, s(index));
    return event;
  }));
}

const FRAMES = [
  dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }),
  dialpadCall({ id: '100', state: 'hangup', at: s(1), agent: ALICE, transferred: true }),
  dialpadCall({ id: '101', state: 'ringing', at: s(2), master: '100', entryPoint: '100' }),
  dialpadCall({ id: '200', state: 'queued', at: s(3) }),
  dialpadAgentStatus('7001', 'Alice Moreno', 'wrapup', s(4)),
  dialpadCall({ id: '100', state: 'recording', at: s(5), agent: ALICE }),
];

describe('board service', () => {
  let store: EventStore;
  let service: BoardService | undefined;
  afterEach(() => {
    service?.close();
    store.close();
  });

  it('rebuilds the board from the store at start, so a restart loses nothing', async () => {
    store = EventStore.open({ file: ':memory:' });
    const stored = storeFrames(store, FRAMES);
    const live = new BoardModel();
    for (const event of stored) live.apply(event);

    service = new BoardService({ store, push: () => undefined, log: () => undefined, now: () => s(10) });
    const rebuilt = await service.snapshot();
    const expected = live.snapshot();
    expect(rebuilt.calls).toEqual(expected.calls);
    expect(rebuilt.agents).toEqual(expected.agents);
    expect(rebuilt.counters).toEqual(expected.counters);
    expect(rebuilt.seq).toBe(store.lastSeq());
  });

  it('pushes no diff for the rebuild itself, only for what happens after it', async () => {
    store = EventStore.open({ file: ':memory:' });
    storeFrames(store, FRAMES);
    const diffs: BoardDiff[] = [];
    service = new BoardService({ store, push: (diff) => diffs.push(diff), log: () => undefined, now: () => s(10), pushIntervalMs: 10 });
    const board = await service.snapshot();
    expect(board.calls.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(diffs).toEqual([]);

    service.offer(storeFrames(store, [dialpadCall({ id: '300', state: 'ringing', at: s(6) })]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.upsertedCalls.map((call) => call.key)).toEqual(['dialpad:300']);
    expect(diffs[0]!.version).toBeGreaterThan(board.version);
  });

  it('takes in events stored while it rebuilds, once, in order', async () => {
    store = EventStore.open({ file: ':memory:' });
    // Enough history that the rebuild yields to the event loop part way through.
    const history = Array.from({ length: 2_500 }, (_, index) => dialpadAgentStatus('7001', 'Alice Moreno', index % 2 === 0 ? 'available' : 'occupied', s(index)));
    const before = storeFrames(store, [...history, ...FRAMES.slice(0, 3)]);
    service = new BoardService({ store, push: () => undefined, log: () => undefined, now: () => s(10) });
    const during = storeFrames(store, FRAMES.slice(3, 4));
    // The last stored event comes again: the rebuild has it already, it must not count twice.
    service.offer([...before.slice(-1), ...during]);
    const board = await service.snapshot();
    expect(board.calls.find((call) => call.key === 'dialpad:101')!.eventCount).toBe(1);
    expect(board.counters).toMatchObject({ waiting: 1, byState: { ringing: 1, queued: 1 } });
    expect(board.seq).toBe(store.lastSeq());
  });

  it('answers a call timeline with every event of every linked leg, in seq order', async () => {
    store = EventStore.open({ file: ':memory:' });
    storeFrames(store, FRAMES);
    service = new BoardService({ store, push: () => undefined, log: () => undefined, now: () => s(10) });
    const timeline = await service.timeline('dialpad:101');
    expect(timeline.legIds).toEqual(['101', '100']);
    expect(timeline.events.map((event) => [event.callId, event.type])).toEqual([
      ['100', 'call.connected'],
      ['100', 'call.hangup'],
      ['101', 'call.ringing'],
      ['100', 'call.recording'],
    ]);
    expect(timeline.truncated).toBe(false);
    await expect(service.timeline('nonsense')).rejects.toThrow(/not a board call key/);
  });
});
