import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isEmptyFilter, streamFilter } from '../../../src-renderer/src/lib/view-filter';

describe('the filter bar as a store filter for one stream', () => {
  const now = 1_700_000_000_000;

  it('sends nothing for an empty bar, and the topic for a topic stream', () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(streamFilter(EMPTY_FILTER, null, now)).toEqual({});
    expect(streamFilter(EMPTY_FILTER, 'call', now)).toEqual({ topics: ['call'] });
  });

  it('narrows a topic stream inside the topic selection, and empties one outside it', () => {
    const filter = { ...EMPTY_FILTER, topics: ['call', 'sms'] };
    expect(streamFilter(filter, null, now)).toEqual({ topics: ['call', 'sms'] });
    expect(streamFilter(filter, 'sms', now)).toEqual({ topics: ['sms'] });
    expect(streamFilter(filter, 'agent_status', now)).toBeNull();
  });

  it('resolves time ranges when applied and trims the expression', () => {
    expect(streamFilter({ ...EMPTY_FILTER, range: { kind: 'last', minutes: 15 } }, null, now)).toEqual({ fromTime: now - 15 * 60_000 });
    expect(streamFilter({ ...EMPTY_FILTER, range: { kind: 'custom', from: 5, to: null } }, null, now)).toEqual({ fromTime: 5 });
    expect(streamFilter({ ...EMPTY_FILTER, expression: '  state = hangup ', types: ['call.hangup'] }, null, now)).toEqual({
      expression: 'state = hangup',
      types: ['call.hangup'],
    });
    expect(isEmptyFilter({ ...EMPTY_FILTER, expression: '   ' })).toBe(true);
  });
});
