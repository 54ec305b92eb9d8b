import { describe, expect, it } from 'vitest';
import { newEvent, useTempStores } from './store-fixtures';

describe('EventStore text search', () => {
  const stores = useTempStores();
  const seeded = () => {
    const store = stores.open();
    store.append([
      newEvent({ summary: 'call ringing Alice', raw: '{"caller":"+15550001","id":"abc-123"}' }),
      newEvent({ summary: 'call hangup Bob', raw: '{"caller":"+15550002","id":"123-abc"}' }),
      newEvent({ summary: 'sms inbound Zoë', raw: '{"text":"Hello World","from":"agent@example.com"}' }),
      newEvent({ summary: 'binary frame', raw: 'YWxpY2U=', rawEncoding: 'base64', payload: null }),
    ]);
    return store;
  };
  const searcher = () => {
    const store = seeded();
    return (text: string, extra = {}): number[] =>
      store.query({ limit: 100, filter: { text, ...extra } }).events.map((event) => event.seq);
  };

  it('finds words in the summary and in the raw frame, ignoring case', () => {
    const search = searcher();
    expect(search('alice')).toEqual([1]);
    expect(search('HELLO')).toEqual([3]);
    expect(search('15550002')).toEqual([2]);
  });

  it('requires every word, as whole tokens', () => {
    const search = searcher();
    expect(search('call')).toEqual([1, 2]);
    expect(search('call bob')).toEqual([2]);
    expect(search('call bo')).toEqual([]);
    expect(search('hello agent')).toEqual([3]);
  });

  it('matches a word made of several tokens only where they appear together', () => {
    const search = searcher();
    expect(search('abc-123')).toEqual([1]);
    expect(search('123-abc')).toEqual([2]);
    expect(search('agent@example.com')).toEqual([3]);
  });

  it('folds diacritics like the tokenizer', () => {
    const search = searcher();
    expect(search('zoe')).toEqual([3]);
  });

  it('does not search inside base64 frames', () => {
    const search = searcher();
    expect(search('YWxpY2U')).toEqual([]);
    expect(search('binary')).toEqual([4]);
  });

  it('combines with the other filters', () => {
    const search = searcher();
    expect(search('call', { types: ['call.ringing'], callId: '1001' })).toEqual([1, 2]);
    expect(search('call', { providers: ['voipbin'] })).toEqual([]);
  });

  it.each(['"a OR', 'NEAR(', 'a AND OR NOT b', '*', '"', '-', 'col:umn', "'; DROP TABLE events; --", '(((', '^a', 'a"b', '100%_\\'])(
    'never throws on hostile input %j',
    (text) => {
      const store = seeded();
      expect(() => store.query({ limit: 10, filter: { text } })).not.toThrow();
      expect(() => store.countMatching({ text })).not.toThrow();
      expect(() => [...store.iterate({ text })]).not.toThrow();
      expect(store.count()).toBe(4);
    },
  );

  it('treats FTS operators as plain words', () => {
    const store = seeded();
    store.append([newEvent({ summary: 'agent said OR and NEAR', raw: '{}' })]);
    expect(store.query({ limit: 10, filter: { text: 'OR NEAR' } }).events.map((event) => event.seq)).toEqual([5]);
  });

  it('ignores a search with nothing searchable in it', () => {
    const search = searcher();
    expect(search('-- ** ""')).toEqual([1, 2, 3, 4]);
  });

  it('pages through search results with correct flags', () => {
    const store = stores.open();
    store.append(Array.from({ length: 9 }, (_, index) => newEvent({ summary: index % 3 === 0 ? 'needle' : 'hay' })));
    const newest = store.query({ limit: 2, filter: { text: 'needle' } });
    expect(newest.events.map((event) => event.seq)).toEqual([4, 7]);
    expect(newest).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });
    const older = store.query({ limit: 2, beforeSeq: 4, filter: { text: 'needle' } });
    expect(older.events.map((event) => event.seq)).toEqual([1]);
    expect(older).toMatchObject({ hasMoreBefore: false, hasMoreAfter: true });
    expect(store.countMatching({ text: 'needle' })).toBe(3);
  });
});
