import { describe, expect, it } from 'vitest';
import type { BoardCall } from '../../../src-main/core/api';
import { BoardModel } from '../../../src-main/core/calls/board-model';
import { dialpadAgentStatus, dialpadCall, ProviderEvents, T0 } from './provider-events';

const ALICE = { id: '7001', name: 'Alice Moreno' };
const BOB = { id: '7002', name: 'Bob Okafor' };
const s = (seconds: number): number => T0 + seconds * 1000;

function setup() {
  const board = new BoardModel({ staleAfterMs: 600_000, endedWindowMs: 900_000, forgetStaleAfterMs: 3_600_000 });
  const events = new ProviderEvents('dialpad');
  const send = (payload: Record<string, unknown>, receivedAt = T0): void => board.apply(events.frame(payload, receivedAt));
  const call = (key: string): BoardCall | undefined => board.snapshot().calls.find((candidate) => candidate.key === key);
  return { board, send, call };
}

describe('board model on Dialpad call events', () => {
  it('follows an inbound call through queue, ring, talk and hangup, counting each state', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'ringing', at: s(0) }));
    send(dialpadCall({ id: '100', state: 'queued', at: s(2) }));
    expect(board.snapshot().counters).toMatchObject({ live: 1, waiting: 1, longestWaitSince: s(2), longestWaitCallKey: 'dialpad:100' });
    expect(call('dialpad:100')).toMatchObject({ state: 'queued', waitingSince: s(2), agent: null, queue: { id: '5001', name: 'Support' } });

    send(dialpadCall({ id: '100', state: 'ringing', at: s(30), agent: ALICE }));
    expect(call('dialpad:100')).toMatchObject({ state: 'ringing', agent: { id: '7001', name: 'Alice Moreno' }, waitingSince: s(2) });
    send(dialpadCall({ id: '100', state: 'connected', at: s(33), agent: ALICE }));
    const talking = call('dialpad:100')!;
    expect(talking).toMatchObject({ phase: 'live', state: 'connected', stateSince: s(33), answeredAt: s(33), waitingSince: null, direction: 'inbound' });
    expect(talking.externalNumber).toBe('+14155550101');
    expect(board.snapshot().counters.byState).toMatchObject({ connected: 1, queued: 0, ringing: 0 });

    send(dialpadCall({ id: '100', state: 'hangup', at: s(90), agent: ALICE }));
    const ended = call('dialpad:100')!;
    expect(ended).toMatchObject({ phase: 'ended', outcome: 'answered', endedAt: s(90), state: 'connected' });
    expect(board.snapshot().counters).toMatchObject({ live: 0, ended: { answered: 1 } });
  });

  it('keeps late post-call events on the ended call without bringing it back to life', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }));
    send(dialpadCall({ id: '100', state: 'hangup', at: s(60), agent: ALICE }));
    for (const [state, at] of [['postcall', 62], ['recording', 70], ['transcription', 95], ['recap_summary', 140], ['csat', 300]] as const) {
      send(dialpadCall({ id: '100', state, at: s(at), agent: ALICE }));
    }
    expect(call('dialpad:100')).toMatchObject({ phase: 'ended', outcome: 'answered', endedAt: s(60), state: 'connected' });
    expect(call('dialpad:100')!.afterCall).toEqual(['postcall', 'recording', 'transcription', 'recap_summary', 'csat']);
    expect(board.snapshot().counters.live).toBe(0);
  });

  it('ignores post-call events of a call it never saw (it left the board long ago)', () => {
    const { board, send } = setup();
    send(dialpadCall({ id: '100', state: 'recording', at: s(0) }));
    send(dialpadCall({ id: '100', state: 'postcall', at: s(1) }));
    expect(board.snapshot().calls).toEqual([]);
  });

  it('treats `missed` as one agent letting it ring out: the caller goes back to the queue and keeps waiting', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'ringing', at: s(0) }));
    send(dialpadCall({ id: '100', state: 'queued', at: s(2) }));
    send(dialpadCall({ id: '100', state: 'ringing', at: s(10), agent: ALICE }));
    send(dialpadCall({ id: '100', state: 'missed', at: s(14), agent: ALICE }));
    send(dialpadCall({ id: '100', state: 'queued', at: s(14) }));
    expect(call('dialpad:100')).toMatchObject({ phase: 'live', state: 'queued', agent: null, missedCount: 1, waitingSince: s(2) });
    expect(board.snapshot().counters).toMatchObject({ waiting: 1, longestWaitSince: s(2) });

    send(dialpadCall({ id: '100', state: 'hangup', at: s(50) }));
    expect(call('dialpad:100')).toMatchObject({ phase: 'ended', outcome: 'abandoned' });
  });

  it('reads the outcome of unanswered calls: missed, voicemail, no answer', () => {
    const { send, call } = setup();
    send(dialpadCall({ id: '1', state: 'ringing', at: s(0), agent: ALICE, queue: null }));
    send(dialpadCall({ id: '1', state: 'missed', at: s(20), agent: ALICE, queue: null }));
    send(dialpadCall({ id: '1', state: 'hangup', at: s(20), queue: null }));
    send(dialpadCall({ id: '2', state: 'queued', at: s(0) }));
    send(dialpadCall({ id: '2', state: 'voicemail', at: s(40) }));
    send(dialpadCall({ id: '2', state: 'hangup', at: s(60) }));
    send(dialpadCall({ id: '2', state: 'voicemail_uploaded', at: s(65) }));
    send(dialpadCall({ id: '3', state: 'calling', at: s(0), direction: 'outbound', agent: BOB, queue: null }));
    send(dialpadCall({ id: '3', state: 'ringing', at: s(1), direction: 'outbound', agent: BOB, queue: null }));
    send(dialpadCall({ id: '3', state: 'hangup', at: s(12), direction: 'outbound', agent: BOB, queue: null }));
    expect(call('dialpad:1')!.outcome).toBe('missed');
    expect(call('dialpad:2')).toMatchObject({ outcome: 'voicemail', afterCall: ['voicemail_uploaded'] });
    expect(call('dialpad:3')!.outcome).toBe('no_answer');
  });

  it('links a transfer leg to its master call, and keeps an unlinked leg as its own call', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }));
    send(dialpadCall({ id: '100', state: 'hangup', at: s(30), agent: ALICE, transferred: true }));
    send(dialpadCall({ id: '101', state: 'ringing', at: s(30), agent: BOB, master: '100', entryPoint: '100', transferred: true }));
    send(dialpadCall({ id: '102', state: 'ringing', at: s(31), agent: BOB, entryPoint: null, transferred: true }));
    expect(call('dialpad:100')).toMatchObject({ phase: 'ended', outcome: 'answered', transferred: true, legIds: ['100', '101'] });
    expect(call('dialpad:101')).toMatchObject({ phase: 'live', state: 'ringing', legIds: ['101', '100'] });
    expect(call('dialpad:102')).toMatchObject({ phase: 'live', legIds: ['102'] });
    expect(board.legsOf('dialpad:101')).toEqual({ provider: 'dialpad', callIds: ['101', '100'] });
    expect(board.snapshot().counters.byState.ringing).toBe(2);
  });

  it('counts a twice-delivered event once: same state, same numbers', () => {
    const { board, send, call } = setup();
    const connected = dialpadCall({ id: '100', state: 'connected', at: s(5), agent: ALICE });
    send(dialpadCall({ id: '100', state: 'ringing', at: s(0), agent: ALICE }));
    send(connected);
    const once = board.snapshot().counters;
    send(connected);
    expect(board.snapshot().counters).toEqual(once);
    expect(call('dialpad:100')).toMatchObject({ state: 'connected', stateSince: s(5), eventCount: 3 });
  });

  it('does not move a call back when an older event arrives late, but keeps its evidence', () => {
    const { send, call } = setup();
    send(dialpadCall({ id: '100', state: 'queued', at: s(10) }));
    send(dialpadCall({ id: '100', state: 'ringing', at: s(1) }));
    expect(call('dialpad:100')).toMatchObject({ state: 'queued', stateSince: s(10), providerState: 'queued' });

    send(dialpadCall({ id: '200', state: 'hangup', at: s(60), agent: ALICE }));
    send(dialpadCall({ id: '200', state: 'connected', at: s(20), agent: ALICE }));
    expect(call('dialpad:200')).toMatchObject({ phase: 'ended', outcome: 'answered', answeredAt: s(20), endedAt: s(60) });
  });

  it('marks a call stale after a long silence, revives it on news, and finally forgets it', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }), s(0));
    board.sweep(s(599));
    expect(call('dialpad:100')!.phase).toBe('live');
    board.sweep(s(601));
    expect(call('dialpad:100')!.phase).toBe('stale');
    expect(board.snapshot().counters).toMatchObject({ live: 0, stale: 1, byState: { connected: 0 } });

    send(dialpadCall({ id: '100', state: 'hold', at: s(700), agent: ALICE }), s(700));
    expect(call('dialpad:100')).toMatchObject({ phase: 'live', state: 'hold' });
    board.sweep(s(700 + 3_601));
    expect(call('dialpad:100')).toBeUndefined();
  });

  it('drops ended calls once they are older than the window', () => {
    const { board, send, call } = setup();
    send(dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }), s(0));
    send(dialpadCall({ id: '100', state: 'hangup', at: s(10), agent: ALICE }), s(10));
    board.sweep(s(10 + 900));
    expect(call('dialpad:100')).toBeDefined();
    board.sweep(s(10 + 901));
    expect(call('dialpad:100')).toBeUndefined();
  });
});

describe('board model memory at high call rates', () => {
  it('keeps the newest ended calls only, and snapshots the newest 300', () => {
    const board = new BoardModel({ maxEndedKept: 400 });
    const events = new ProviderEvents('dialpad');
    for (let index = 0; index < 450; index++) {
      const id = String(1000 + index);
      board.apply(events.frame(dialpadCall({ id, state: 'connected', at: s(index), agent: ALICE }), s(index)));
      board.apply(events.frame(dialpadCall({ id, state: 'hangup', at: s(index + 1), agent: ALICE }), s(index + 1)));
    }
    board.apply(events.frame(dialpadCall({ id: '9', state: 'queued', at: s(500) }), s(500)));
    board.sweep(s(500));
    const snapshot = board.snapshot();
    expect(snapshot.counters.ended.answered).toBe(400);
    expect(snapshot.calls.filter((call) => call.phase === 'ended')).toHaveLength(300);
    expect(snapshot.calls.some((call) => call.callId === '1449')).toBe(true);
    expect(snapshot.calls.some((call) => call.callId === '1149')).toBe(false);
    expect(snapshot.counters.waiting).toBe(1);
  });
});

describe('board model on Dialpad agent status events', () => {
  it('tracks each agent status with the time it started, ignoring a reordered older one', () => {
    const { board, send } = setup();
    send(dialpadAgentStatus('7001', 'Alice Moreno', 'available', s(0)));
    send(dialpadAgentStatus('7002', 'Bob Okafor', 'unavailable', s(0), 'Lunch'));
    send(dialpadAgentStatus('7001', 'Alice Moreno', 'occupied', s(20), 'On a call'));
    send(dialpadAgentStatus('7001', 'Alice Moreno', 'wrapup', s(15)));
    const agents = board.snapshot().agents;
    expect(agents.find((agent) => agent.agentId === '7001')).toMatchObject({ status: 'occupied', since: s(20), name: 'Alice Moreno' });
    expect(agents.find((agent) => agent.agentId === '7002')).toMatchObject({ status: 'unavailable', reason: 'Lunch' });
    expect(board.snapshot().counters.agentsByStatus).toMatchObject({ available: 0, occupied: 1, unavailable: 1 });
  });
});

describe('board diffs', () => {
  it('carries only what changed since the last diff, and nothing when nothing did', () => {
    const { board, send } = setup();
    send(dialpadCall({ id: '100', state: 'connected', at: s(0), agent: ALICE }), s(0));
    send(dialpadCall({ id: '200', state: 'queued', at: s(0) }), s(0));
    const first = board.takeDiff()!;
    expect(first.upsertedCalls.map((call) => call.key).sort()).toEqual(['dialpad:100', 'dialpad:200']);
    expect(board.takeDiff()).toBeNull();

    send(dialpadCall({ id: '200', state: 'connected', at: s(5), agent: BOB }), s(5));
    const second = board.takeDiff()!;
    expect(second.version).toBe(first.version + 1);
    expect(second.upsertedCalls.map((call) => call.key)).toEqual(['dialpad:200']);
    expect(second.counters.byState.connected).toBe(2);

    send(dialpadCall({ id: '200', state: 'hangup', at: s(6), agent: BOB }), s(6));
    board.sweep(s(6) + 901_000);
    const third = board.takeDiff()!;
    // The same sweep found call 100 silent for 15 minutes.
    expect(third.upsertedCalls.map((call) => [call.key, call.phase])).toEqual([['dialpad:100', 'stale']]);
    expect(third.removedCallKeys).toEqual(['dialpad:200']);
  });
});
