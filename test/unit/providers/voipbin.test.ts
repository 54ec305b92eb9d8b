import { describe, expect, it } from 'vitest';
import { createVoipbinDecoder } from '../../../src-main/core/providers/voipbin';
import { decodeOne, fixture } from './frames';

const decoder = createVoipbinDecoder();

describe('VoIPBin decoder', () => {
  it('infers a bare call resource and its verb from status', async () => {
    const raw = fixture('voipbin-call-hangup-bare.json');
    expect(await decodeOne(decoder, raw)).toMatchObject({
      topic: 'call',
      type: 'call.hangup',
      callId: '7b0c8d24-7a8f-11ec-9d2c-2f9d1b6c7a01',
      occurredAt: Date.UTC(2022, 3, 11, 6, 10, 54, 788),
      summary: 'hangup · outgoing · +821100000001 → +1 415 555 0123 · normal by remote',
      raw,
      verified: null,
      dedupeKey: expect.stringMatching(/^frame:/),
      payload: { master_call_id: '00000000-0000-0000-0000-000000000000', type: 'flow' },
    });
  });

  it('reads a wrapped event by its name: call_hangup -> call.hangup', async () => {
    const data = JSON.parse(fixture('voipbin-call-hangup-bare.json')) as Record<string, unknown>;
    const raw = JSON.stringify({ type: 'call_hangup', data });
    expect(await decodeOne(decoder, raw)).toMatchObject({
      topic: 'call',
      type: 'call.hangup',
      callId: data.id,
      payload: { type: 'call_hangup', data: { id: data.id } },
    });
  });

  it('gives the same dedupe key to the two deliveries of one event', async () => {
    const raw = fixture('voipbin-call-hangup-bare.json');
    const first = await decodeOne(decoder, raw);
    const second = await decodeOne(decoder, raw);
    expect(second.dedupeKey).toBe(first.dedupeKey);
    const later = raw.replace('"tm_update": "2022-04-11 06:10:54.788000"', '"tm_update": "2022-04-11 06:10:55.000000"');
    const updated = await decodeOne(decoder, later);
    expect(updated.dedupeKey).not.toBe(first.dedupeKey);
  });

  it('keeps two changes of one resource that share a tm_update millisecond', async () => {
    const available = '{"id":"a1","customer_id":"c1","status":"available","tm_create":"2022-04-11 06:00:00.000000","tm_update":"2022-04-11 06:10:54.788000"}';
    const busy = available.replace('"available"', '"busy"');
    expect((await decodeOne(decoder, busy)).dedupeKey).not.toBe((await decodeOne(decoder, available)).dedupeKey);
  });

  it('reads a bare sms message with sentinel times as just created', async () => {
    expect(await decodeOne(decoder, fixture('voipbin-message-bare.json'))).toMatchObject({
      topic: 'message',
      type: 'message.created',
      callId: null,
      occurredAt: Date.UTC(2023, 5, 1, 10, 0, 0),
      summary: 'created · outbound · +1 555 123 4567 → +1 415 555 0101 · sent · "Your verification code is 123456"',
    });
  });

  it('is not fooled by a message wrapped as {type, data} with its own type', async () => {
    const message = JSON.parse(fixture('voipbin-message-bare.json')) as Record<string, unknown>;
    const event = await decodeOne(decoder, JSON.stringify({ type: 'message_created', data: message }));
    expect(event).toMatchObject({ topic: 'message', type: 'message.created' });
    // Three keys: not the wrapper, so a bare object with `type` and `data` plus more is a resource.
    const bare = await decodeOne(decoder, JSON.stringify({ type: 'sms', data: {}, targets: [], id: 'm1' }));
    expect(bare).toMatchObject({ topic: 'message' });
  });

  it('links a queue call to its call and names its verb from status', async () => {
    const queuecall = {
      id: 'q1',
      customer_id: 'c1',
      queue_id: 'queue-9',
      reference_type: 'call',
      reference_id: 'call-42',
      source: { type: 'tel', target: '+14155550101', target_name: 'Bob Smith', name: '', detail: '' },
      status: 'waiting',
      duration_waiting: 65000,
      tm_create: '2024-01-01 10:00:00.000000',
      tm_update: '2024-01-01 10:01:05.000000',
      tm_delete: '9999-01-01 00:00:00.000000',
    };
    expect(await decodeOne(decoder, JSON.stringify(queuecall))).toMatchObject({
      topic: 'queuecall',
      type: 'queuecall.waiting',
      callId: 'call-42',
      summary: 'waiting · Bob Smith · waited 1m 05s',
    });
    const done = await decodeOne(decoder, JSON.stringify({ type: 'queuecall_abandoned', data: queuecall }));
    expect(done).toMatchObject({ type: 'queuecall.abandoned', callId: 'call-42' });
  });

  it('recognizes agents and multi-word event names', async () => {
    const agent = {
      id: 'a1',
      username: 'alice',
      name: 'Alice Moreno',
      ring_method: 'ringall',
      status: 'available',
      permission: 1,
      tm_create: '2024-01-01 10:00:00.000000',
      tm_update: '2024-01-02 09:00:00.000000',
      tm_delete: '9999-01-01 00:00:00.000000',
    };
    expect(await decodeOne(decoder, JSON.stringify(agent))).toMatchObject({
      topic: 'agent',
      type: 'agent.updated',
      summary: 'updated · Alice Moreno · available',
    });
    expect(await decodeOne(decoder, JSON.stringify({ type: 'agent_status_updated', data: agent }))).toMatchObject({
      topic: 'agent',
      type: 'agent.status_updated',
    });
  });

  it('never takes a status named like an Object.prototype member for a known one', async () => {
    const raw = JSON.stringify({ id: 'q1', queue_id: 'x', reference_id: 'y', status: 'constructor', tm_update: 1 });
    expect(await decodeOne(decoder, raw)).toMatchObject({ type: 'queuecall.updated' });
  });

  it('keeps an unknown object as a provider message, and broken JSON as malformed', async () => {
    expect(await decodeOne(decoder, '{"error": "forbidden topic"}')).toMatchObject({
      type: 'system.provider_message',
      payload: { error: 'forbidden topic' },
    });
    expect(await decodeOne(decoder, 'not json')).toMatchObject({
      type: 'system.malformed',
      summary: "Invalid JSON at position 1: Unexpected token 'o'",
    });
  });
});
