import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src-renderer/src/lib/json-path';
import { diffPayloads } from '../../../src-renderer/src/lib/payload-diff';

const summarize = (before: unknown, after: unknown) =>
  diffPayloads(before, after).map((change) => ({ ...change, path: formatPath(change.path) }));

describe('diffPayloads', () => {
  it('lists changed, added and removed leaves by path', () => {
    const ringing = { state: 'ringing', target: { name: 'Alice' }, date_connected: null, queue: 'sales' };
    const connected = { state: 'connected', target: { name: 'Alice', id: 7 }, date_connected: '1712345681000' };
    expect(summarize(ringing, connected)).toEqual(
      expect.arrayContaining([
        { kind: 'changed', path: 'state', before: 'ringing', after: 'connected' },
        { kind: 'added', path: 'target.id', after: 7 },
        { kind: 'changed', path: 'date_connected', before: null, after: '1712345681000' },
        { kind: 'removed', path: 'queue', before: 'sales' },
      ]),
    );
    expect(summarize(ringing, connected)).toHaveLength(4);
  });

  it('addresses array items by index', () => {
    const before = { recording_details: [{ url: 'a' }] };
    const after = { recording_details: [{ url: 'b' }, { url: 'c' }] };
    expect(summarize(before, after)).toEqual([
      { kind: 'changed', path: 'recording_details[0].url', before: 'a', after: 'b' },
      { kind: 'added', path: 'recording_details[1]', after: { url: 'c' } },
    ]);
    expect(summarize({ list: [1, 2, 3] }, { list: [1, 3] })).toEqual([{ kind: 'removed', path: 'list[1]', before: 2 }]);
  });

  it('finds nothing between equal payloads and the whole payload between unlike ones', () => {
    expect(diffPayloads({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(summarize(null, { a: 1 })).toEqual([{ kind: 'changed', path: '', before: null, after: { a: 1 } }]);
  });
});
