import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../../../src-main/core/api';
import { newEvent, useTempStores } from './store-fixtures';

describe('EventStore filters', () => {
  const stores = useTempStores();
  const seeded = () => {
    const store = stores.open();
    store.append([
      newEvent({ provider: 'dialpad', connectionId: 'c1', topic: 'call', type: 'call.ringing', callId: 'A', receivedAt: 1000 }),
      newEvent({ provider: 'voipbin', connectionId: 'c2', topic: 'call', type: 'call.hangup', callId: 'B', receivedAt: 2000 }),
      newEvent({ provider: 'opentact', connectionId: 'c3', topic: 'sms', type: 'sms.inbound', callId: null, receivedAt: 3000 }),
      newEvent({ provider: 'dialpad', connectionId: 'c1', topic: 'agent', type: 'agent.status', callId: null, receivedAt: 4000 }),
      newEvent({ provider: 'dialpad', connectionId: 'c4', topic: 'call', type: 'call.hangup', callId: 'A', receivedAt: 5000 }),
    ]);
    return store;
  };
  const matching = (filter: EventFilter): number[] =>
    seeded()
      .query({ limit: 100, filter })
      .events.map((event) => event.seq);

  it.each<[string, EventFilter, number[]]>([
    ['providers', { providers: ['dialpad'] }, [1, 4, 5]],
    ['several providers', { providers: ['voipbin', 'opentact'] }, [2, 3]],
    ['connectionIds', { connectionIds: ['c1', 'c3'] }, [1, 3, 4]],
    ['topics', { topics: ['call'] }, [1, 2, 5]],
    ['types', { types: ['call.hangup', 'agent.status'] }, [2, 4, 5]],
    ['callId', { callId: 'A' }, [1, 5]],
    ['fromTime (inclusive)', { fromTime: 3000 }, [3, 4, 5]],
    ['toTime (inclusive)', { toTime: 2000 }, [1, 2]],
    ['time range', { fromTime: 2000, toTime: 4000 }, [2, 3, 4]],
    ['combined fields', { providers: ['dialpad'], topics: ['call'], types: ['call.hangup'], callId: 'A' }, [5]],
    ['combined, no match', { providers: ['voipbin'], callId: 'A' }, []],
    ['empty lists and blanks mean no constraint', { providers: [], topics: [], callId: '', text: '  ' }, [1, 2, 3, 4, 5]],
  ])('filters by %s', (_name, filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('counts matching events', () => {
    const store = seeded();
    expect(store.countMatching()).toBe(5);
    expect(store.countMatching({ topics: ['call'] })).toBe(3);
    expect(store.countMatching({ providers: ['file'] })).toBe(0);
  });
});
