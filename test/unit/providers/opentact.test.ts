import { describe, expect, it } from 'vitest';
import { createOpentactDecoder } from '../../../src-main/core/providers/opentact';
import { decodeOne, fixture } from './frames';

const decoder = createOpentactDecoder();

describe('Opentact decoder', () => {
  it('reads the 2024 call_state shape', async () => {
    expect(await decodeOne(decoder, fixture('opentact-2024-call-state.json'))).toMatchObject({
      topic: 'call_state',
      type: 'call.connected',
      callId: 'c0ffee00-aaaa-4bbb-8ccc-123456789abc',
      occurredAt: Date.UTC(2024, 1, 20, 15, 4, 5, 678),
      summary: 'connected · inbound · +1 415 555 0101 → +1 415 555 0122',
      dedupeKey: 'opentact:d1c2b3a4-1111-4222-8333-944455556666',
      verified: null,
    });
  });

  it('reads a 2024 hangup with its duration in seconds', async () => {
    const frame = JSON.parse(fixture('opentact-2024-call-state.json')) as {
      payload: Record<string, unknown>;
      call: Record<string, unknown>;
    };
    frame.payload = { state: 'hangup', duration: 95 };
    frame.call.state = 'hangup';
    expect(await decodeOne(decoder, JSON.stringify(frame))).toMatchObject({
      type: 'call.hangup',
      summary: 'hangup · inbound · +1 415 555 0101 → +1 415 555 0122 · 1m 35s',
    });
  });

  it('reads the 2022 call_flow shape with its command', async () => {
    expect(await decodeOne(decoder, fixture('opentact-2022-call-flow.json'))).toMatchObject({
      topic: 'call_flow',
      type: 'call_flow.hangup',
      callId: '0a1b2c3d-2222-4333-8444-955566667777',
      occurredAt: 1650000000123,
      summary: 'hangup · +1 415 555 0101 → +1 415 555 0133 · command hangup executed',
      dedupeKey: 'call_flow.hangup:0a1b2c3d-2222-4333-8444-955566667777:1650000000123',
    });
  });

  it('derives a 2022 call state from its stage times when there is no command', async () => {
    const frame = JSON.parse(fixture('opentact-2022-call-flow.json')) as { payload: Record<string, unknown> };
    delete frame.payload.command;
    expect(await decodeOne(decoder, JSON.stringify(frame))).toMatchObject({
      type: 'call.hangup',
      summary: 'hangup · outbound · +1 415 555 0101 → +1 415 555 0133 · cause 16',
    });
  });

  it('turns the auth reply into system.auth_ok or a failure message', async () => {
    expect(await decodeOne(decoder, fixture('opentact-auth-ok.json'))).toMatchObject({
      topic: 'auth',
      type: 'system.auth_ok',
      summary: 'Authenticated · WSS connection 42@203.0.113.7 - success auth ops@example.com',
    });
    expect(await decodeOne(decoder, '{"type":"auth","success":false,"message":"token expired"}')).toMatchObject({
      topic: 'auth',
      type: 'system.provider_message',
      summary: 'Authentication failed · token expired',
    });
    expect(await decodeOne(decoder, '{"type":"auth"}')).toMatchObject({
      type: 'system.provider_message',
      summary: 'Authentication failed · no reason given',
    });
  });

  it('reads sms events and unknown event types', async () => {
    const sms = {
      uuid: 's1',
      created_on: '2024-02-20T15:00:00Z',
      type: 'sms',
      message: 'sms received',
      payload: { direction: 'in', from: '+14155550101', to: '+14155550122', text: 'hello there' },
    };
    expect(await decodeOne(decoder, JSON.stringify(sms))).toMatchObject({
      topic: 'sms',
      type: 'sms.inbound',
      summary: 'inbound · +1 415 555 0101 → +1 415 555 0122 · "hello there"',
    });
    const balance = '{"type":"balance_change","message":"Balance is 10.00","timestamp":1650000000}';
    expect(await decodeOne(decoder, balance)).toMatchObject({
      topic: 'balance_change',
      type: 'balance_change',
      occurredAt: 1650000000000,
      summary: 'balance_change · Balance is 10.00',
    });
  });
});
