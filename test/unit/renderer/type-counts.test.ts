import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { TypeCounts } from '../../../src-renderer/src/lib/type-counts';

let nextSeq = 1;
const event = (topic: string, type: string): MonitorEvent => ({
  seq: nextSeq++,
  connectionId: 'c',
  provider: 'dialpad',
  receivedAt: 0,
  occurredAt: null,
  topic,
  type,
  callId: null,
  summary: '',
  raw: '',
  rawEncoding: 'text',
  payload: null,
  verified: null,
});
const many = (count: number, topic: string, type: string): MonitorEvent[] => Array.from({ length: count }, () => event(topic, type));

describe('TypeCounts', () => {
  it('counts types per topic and over all topics, the most frequent first, ties by name', () => {
    const counts = new TypeCounts(100);
    counts.add([...many(3, 'call', 'call.ringing'), ...many(5, 'call', 'call.hangup'), ...many(3, 'sms', 'sms.inbound')]);
    expect(counts.counts('call')).toEqual([
      ['call.hangup', 5],
      ['call.ringing', 3],
    ]);
    expect(counts.counts(null)).toEqual([
      ['call.hangup', 5],
      ['call.ringing', 3],
      ['sms.inbound', 3],
    ]);
    expect(counts.counts('agent_status')).toEqual([]);
  });

  it('counts only the newest events of the window: older ones leave as new ones come', () => {
    const counts = new TypeCounts(10);
    counts.add(many(8, 'call', 'call.ringing'));
    counts.add(many(4, 'sms', 'sms.inbound'));
    expect(counts.counts(null)).toEqual([
      ['call.ringing', 6],
      ['sms.inbound', 4],
    ]);
    // Past the capacity several times over, still exactly the newest ten.
    for (let round = 0; round < 5; round++) counts.add(many(7, 'call', 'call.hangup'));
    expect(counts.counts(null)).toEqual([['call.hangup', 10]]);
    expect(counts.counts('sms')).toEqual([]);
  });

  it('stops counting the events retention deleted, and counts what arrives next as before', () => {
    const counts = new TypeCounts(10);
    const old = many(4, 'call', 'call.ringing');
    const kept = many(3, 'sms', 'sms.inbound');
    counts.add([...old, ...kept]);
    counts.dropDeleted(kept[0]!.seq);
    expect(counts.counts(null)).toEqual([['sms.inbound', 3]]);
    expect(counts.counts('call')).toEqual([]);
    // Below what is already gone, or below the whole window: nothing more to drop.
    counts.dropDeleted(old[0]!.seq);
    expect(counts.counts(null)).toEqual([['sms.inbound', 3]]);
    counts.add(many(9, 'call', 'call.hangup'));
    expect(counts.counts(null)).toEqual([
      ['call.hangup', 9],
      ['sms.inbound', 1],
    ]);
    counts.dropDeleted(Number.MAX_SAFE_INTEGER);
    expect(counts.counts(null)).toEqual([]);
  });
});
