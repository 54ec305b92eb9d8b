import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { BusinessEvent } from '../../../src-main/core/simulator/business-events';
import { ContactCenter } from '../../../src-main/core/simulator/contact-center';
import { dialpadPayload } from '../../../src-main/core/simulator/dialpad-format';
import { signHs256, verifyHs256 } from '../../../src-main/core/simulator/jwt';
import { opentactFrames } from '../../../src-main/core/simulator/opentact-format';
import { voipbinPublications, voipbinTime, voipbinTopics } from '../../../src-main/core/simulator/voipbin-format';

const START = Date.UTC(2025, 0, 6, 9, 0, 0);

function sample(seconds = 600): BusinessEvent[] {
  const model = new ContactCenter({ seed: 12, rate: 30, startTime: START });
  return model.advanceTo(START + seconds * 1000);
}

describe('Dialpad format', () => {
  const events = sample();
  const payloads = events.map(dialpadPayload);

  it('writes ids as JSON numbers that keep every digit, and some call ids as strings', () => {
    const calls = payloads.filter((payload) => 'call_id' in payload);
    const numeric = calls.filter((payload) => typeof payload['call_id'] === 'number');
    const strings = calls.filter((payload) => typeof payload['call_id'] === 'string');
    expect(numeric.length).toBeGreaterThan(strings.length);
    expect(strings.length).toBeGreaterThan(0);
    for (const payload of numeric) expect(Number.isSafeInteger(payload['call_id'])).toBe(true);
  });

  it('gives hangups an end date and a duration in ms, and late states after them', () => {
    const hangup = payloads.find((payload) => payload['state'] === 'hangup' && payload['date_connected'] !== null);
    expect(hangup?.['date_ended']).toEqual(expect.any(Number));
    expect(hangup?.['duration']).toBe(Number(hangup?.['date_ended']) - Number(hangup?.['date_connected']));
    const recording = payloads.find((payload) => payload['state'] === 'recording');
    expect((recording?.['recording_details'] as unknown[]).length).toBe(1);
  });
});

describe('VoIPBin format', () => {
  it('writes VoIPBin timestamps, with 9999-01-01 for not yet', () => {
    expect(voipbinTime(Date.UTC(2022, 3, 11, 6, 10, 54, 788))).toBe('2022-04-11 06:10:54.788000');
    expect(voipbinTime(null)).toBe('9999-01-01 00:00:00.000000');
  });

  it('publishes every change under a resource topic and an event-type topic', () => {
    const publications = sample().flatMap((event) => voipbinPublications('c-1', event));
    const hangup = publications.find((publication) => publication.eventType === 'call_hangup');
    expect(hangup).toBeDefined();
    if (hangup === undefined) return;
    expect(voipbinTopics('customer_id:c-1', hangup)).toEqual([`customer_id:c-1:call:${hangup.resourceId}`, `customer_id:c-1:call:call_hangup:${hangup.resourceId}`]);
    const kinds = new Set(publications.map((publication) => publication.eventType));
    for (const kind of ['call_ringing', 'call_progressing', 'queuecall_waiting', 'queuecall_serviced', 'agent_status_updated', 'message_created']) {
      expect(kinds).toContain(kind);
    }
  });
});

describe('Opentact format', () => {
  it('ends every call with hangup then destroyed, in both generations', () => {
    const account = { accountUuid: 'a', accountName: 'A', sipControlAppUuid: 's' };
    for (const shape of ['2024', '2022'] as const) {
      const frames = sample().flatMap((event) => opentactFrames(event, shape, account).map((frame) => frame.frame));
      const states = frames.map((frame) =>
        shape === '2024' ? (frame['payload'] as { state?: string }).state : (frame['payload'] as { call?: { state?: string } }).call?.state,
      );
      const hangup = states.indexOf('hangup');
      expect(hangup).toBeGreaterThan(-1);
      expect(states[hangup + 1]).toBe('destroyed');
    }
  });
});

describe('HS256 JWT', () => {
  it('signs tokens that a standard library verifies, and detects tampering', async () => {
    const token = signHs256('{"call_id":1234567890123456,"state":"ringing"}', 'secret');
    const { payload } = await jwtVerify(token, new TextEncoder().encode('secret'));
    expect(payload).toMatchObject({ call_id: 1234567890123456, state: 'ringing' });
    expect(verifyHs256(token, 'secret')).toMatchObject({ state: 'ringing' });
    expect(verifyHs256(token, 'other')).toBeNull();
    expect(verifyHs256(`${token.slice(0, -2)}xx`, 'secret')).toBeNull();
  });
});
