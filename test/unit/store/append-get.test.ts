import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../src-main/core/store/event-store';
import { newEvent, useTempStores } from './store-fixtures';

describe('EventStore append and get', () => {
  const stores = useTempStores();

  it('assigns strictly increasing seqs and returns the stored events', () => {
    const store = stores.open();
    const first = store.append([newEvent(), newEvent({ type: 'call.connected' })]);
    const second = store.append([newEvent({ type: 'call.hangup' })]);
    const seqs = [...first, ...second].map((event) => event.seq);
    expect(seqs).toEqual([1, 2, 3]);
    expect(first[1]).toEqual({ ...newEvent({ type: 'call.connected' }), seq: 2 });
    expect(store.lastSeq()).toBe(3);
    expect(store.count()).toBe(3);
  });

  it('round-trips text frames, base64 binary frames, null payloads and every verified state', () => {
    const store = stores.open();
    const variants = [
      newEvent({ verified: true, payload: { nested: { list: [1, 'two', null] }, id: '12345678901234567890' } }),
      newEvent({ verified: false, raw: 'AAEC/w==', rawEncoding: 'base64', payload: null }),
      newEvent({ verified: null, raw: 'not json at all', payload: null, callId: null, occurredAt: null }),
      newEvent({ summary: 'ünïcödé ☎ "quoted"\nnew line', raw: '{"text":"ünïcödé ☎"}', payload: { text: 'ünïcödé ☎' } }),
    ];
    const stored = store.append(variants);
    for (const [index, event] of stored.entries()) {
      expect(store.get(event.seq)).toEqual({ ...variants[index], seq: event.seq });
    }
  });

  it("stores the decoder's payload text as the payload, and pushes no trace of it", () => {
    const store = stores.open();
    const payload = { call_id: '6524329623650304123', state: 'ringing' };
    const payloadJson = '{"call_id": "6524329623650304123",  "state":"ringing"}';
    const [stored] = store.append([newEvent({ payload, payloadJson })]);
    expect(stored).toEqual({ ...newEvent({ payload }), seq: 1 });
    expect(stored).not.toHaveProperty('payloadJson');
    expect(store.get(1)?.payload).toEqual(payload);
    const file = new Database(join(stores.dir(), 'events.db'), { readonly: true });
    expect(file.prepare('SELECT payload FROM events WHERE seq = 1').pluck().get()).toBe(payloadJson);
    file.close();
    expect(store.countMatching({ expression: 'call_id = "6524329623650304123"' })).toBe(1);
  });

  it('builds the payload text from the raw frame where the decoder left it to the store', () => {
    const store = stores.open();
    const raw = '{"call_id":6524329623650304123,"state":"ringing"}';
    const payload = { call_id: '6524329623650304123', state: 'ringing' };
    const [stored] = store.append([newEvent({ raw, payload, payloadJson: raw, payloadQuotedIntegers: [11, 30] })]);
    expect(stored).not.toHaveProperty('payloadQuotedIntegers');
    expect(store.get(1)).toEqual({ ...newEvent({ raw, payload }), seq: 1 });
    const file = new Database(join(stores.dir(), 'events.db'), { readonly: true });
    expect(file.prepare('SELECT payload FROM events WHERE seq = 1').pluck().get()).toBe(
      '{"call_id":"6524329623650304123","state":"ringing"}',
    );
    file.close();
    expect(store.countMatching({ expression: 'call_id = "6524329623650304123"' })).toBe(1);
  });

  it('stores a frame that is its payload text once, and gives the frame back exactly', () => {
    const store = stores.open();
    const quotedFrame = '{"call_id": 6524329623650304123,"master_call_id":6524329623650304124,"state":"ringing"}';
    const plainFrame = '{"id":"c-1","status":"ringing"}';
    const payload = { call_id: '6524329623650304123', master_call_id: '6524329623650304124', state: 'ringing' };
    const events = [
      newEvent({ raw: quotedFrame, payload, payloadJson: quotedFrame, payloadQuotedIntegers: [12, 31, 49, 68] }),
      newEvent({ raw: plainFrame, payload: JSON.parse(plainFrame), payloadJson: plainFrame }),
    ];
    const stored = store.append(events);
    const file = new Database(join(stores.dir(), 'events.db'), { readonly: true });
    const rows = file.prepare('SELECT raw, payload, raw_from_payload FROM events ORDER BY seq').all();
    file.close();
    expect(rows).toEqual([
      {
        raw: '',
        payload: '{"call_id": "6524329623650304123","master_call_id":"6524329623650304124","state":"ringing"}',
        raw_from_payload: '12,33,51,72',
      },
      { raw: '', payload: plainFrame, raw_from_payload: '' },
    ]);
    expect(stored.map((event) => store.get(event.seq))).toEqual(
      stored.map((event, index) => ({ ...newEvent({ raw: events[index]!.raw, payload: events[index]!.payload }), seq: event.seq })),
    );
    // Searches read the frame as it came: its words, and text that spans the quotes the payload adds.
    expect(store.countMatching({ text: '6524329623650304124' })).toBe(1);
    expect(store.countMatching({ text: 'id":6524329623650304124,' })).toBe(1);
    expect(store.countMatching({ text: 'id":"6524329623650304124"' })).toBe(0);
    expect(store.countMatching({ expression: 'master OR nothing' })).toBe(1);
    expect([...store.iterate(undefined)].map((event) => event.raw)).toEqual([quotedFrame, plainFrame]);
  });

  it('gives every row of a large batch its own seq, several INSERT statements long', () => {
    const store = stores.open();
    const batch = Array.from({ length: 150 }, (_, index) => newEvent({ summary: `event ${index}`, receivedAt: index }));
    const stored = store.append(batch);
    expect(stored.map((event) => event.seq)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));
    for (const [index, event] of stored.entries()) expect(store.get(event.seq)).toEqual({ ...batch[index], seq: index + 1 });
  });

  it('returns null for a seq that does not exist', () => {
    const store = stores.open();
    expect(store.get(42)).toBeNull();
  });

  it('stores nothing for an empty batch', () => {
    const store = stores.open();
    expect(store.append([])).toEqual([]);
    expect(store.lastSeq()).toBe(0);
  });

  it('stores all of a batch or none of it', () => {
    const store = stores.open();
    store.append([newEvent()]);
    const broken = { ...newEvent(), rawEncoding: 'hex' as 'text' };
    expect(() => store.append([newEvent(), broken])).toThrow();
    expect(store.count()).toBe(1);
    expect(store.append([newEvent()])[0]?.seq).toBeGreaterThan(1);
  });

  it('creates missing folders for the database file', () => {
    const file = join(stores.dir(), 'a', 'b', 'events.db');
    const store = EventStore.open({ file });
    store.append([newEvent()]);
    store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps history across close and reopen, and continues the seq', () => {
    const first = stores.open();
    first.append([newEvent(), newEvent()]);
    first.close();
    first.close();
    const reopened = stores.open();
    expect(reopened.count()).toBe(2);
    expect(reopened.get(2)?.summary).toBe(newEvent().summary);
    expect(reopened.append([newEvent()])[0]?.seq).toBe(3);
  });
});
