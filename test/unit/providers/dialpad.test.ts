import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import { decode, decodeOne, fixture, textFrame } from './frames';

const SECRET = 'websocket-secret-from-POST-/websockets';

function sign(claims: Record<string, unknown>, secret = SECRET, alg = 'HS256'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

describe('Dialpad decoder, plain JSON frames', () => {
  const decoder = createDialpadDecoder({});

  it('normalizes a call event and keeps a 64-bit call_id exact', async () => {
    const raw = fixture('dialpad-call-ringing.json');
    const result = decoder.decode(textFrame(raw));
    expect(Array.isArray(result)).toBe(true); // plain frames decode synchronously
    const event = await decodeOne(decoder, raw);
    expect(event).toMatchObject({
      topic: 'call',
      type: 'call.ringing',
      callId: '6524329623650304123',
      occurredAt: 1712345679012,
      summary: 'ringing · inbound · +1 415 555 0101 → Sales queue (Alice Moreno)',
      raw,
      rawEncoding: 'text',
      verified: null,
      dedupeKey: 'call:6524329623650304123:ringing:1712345679012',
    });
    expect(event.payload).toMatchObject({
      call_id: '6524329623650304123',
      master_call_id: '6524329623650304999',
      entry_point_call_id: '6524329623650304555',
      state: 'ringing',
    });
  });

  it('accepts ids, times and durations sent as strings', async () => {
    const event = await decodeOne(decoder, fixture('dialpad-call-hangup.json'));
    expect(event).toMatchObject({
      type: 'call.hangup',
      callId: '5801234567890123',
      occurredAt: 1712345873120,
      summary: 'hangup · outbound · Alice Moreno → +442071838750 · 3m 12s',
    });
  });

  it('converts a safe numeric call_id to its digits', async () => {
    const event = await decodeOne(decoder, '{"call_id": 4503599627370497, "state": "connected", "event_timestamp": 1}');
    expect(event.callId).toBe('4503599627370497');
    expect(event.type).toBe('call.connected');
  });

  it('classifies sms, agent status, contact and changelog events by their keys', async () => {
    expect(await decodeOne(decoder, fixture('dialpad-sms-inbound.json'))).toMatchObject({
      topic: 'sms',
      type: 'sms.inbound',
      callId: null,
      occurredAt: 1712345600123,
      summary: 'inbound · +1 415 555 0101 → +1 415 555 0150 · pending · "Hi, is my order ready for pickup?"',
      dedupeKey: 'sms:4612345678901234:pending:1712345600123',
    });
    expect(await decodeOne(decoder, fixture('dialpad-agent-status.json'))).toMatchObject({
      topic: 'agent_status',
      type: 'agent.status',
      occurredAt: 1712345700042,
      summary: 'Alice Moreno · occupied (On a call) · availability available',
    });
    expect(await decodeOne(decoder, fixture('dialpad-contact-created.json'))).toMatchObject({
      topic: 'contact',
      type: 'contact.created',
      summary: 'created · Dana Lee · +1 415 555 0177 · shared',
    });
    expect(await decodeOne(decoder, fixture('dialpad-changelog.json'))).toMatchObject({
      topic: 'changelog',
      type: 'changelog.update',
      occurredAt: 1712345900000,
      summary: 'updated_ivr · office 4639180412035072 · by Eve Admin · "Main line IVR greeting changed"',
    });
  });

  it('stores the service text messages as provider messages', async () => {
    expect(await decodeOne(decoder, 'connected')).toMatchObject({
      topic: 'system',
      type: 'system.provider_message',
      payload: null,
      raw: 'connected',
      summary: 'Dialpad message · connected',
    });
    expect(await decodeOne(decoder, 'not authorized: invalid key')).toMatchObject({ type: 'system.provider_message' });
    expect(await decodeOne(decoder, '{"message": "hello"}')).toMatchObject({
      type: 'system.provider_message',
      payload: { message: 'hello' },
      summary: 'Dialpad message · keys: message',
    });
  });

  it('reports broken JSON as malformed with the position', async () => {
    const raw = '{"call_id": 1, "state": ringing}';
    expect(await decodeOne(decoder, raw)).toMatchObject({
      topic: 'system',
      type: 'system.malformed',
      summary: "Invalid JSON at position 24: Unexpected token 'r'",
      raw,
      payload: { error: 'invalid_json', position: 24, sizeBytes: raw.length },
    });
  });
});

describe('Dialpad decoder, JWT frames', () => {
  const claims = JSON.parse(fixture('dialpad-call-hangup.json')) as Record<string, unknown>;

  it('verifies HS256 with the right secret', async () => {
    const token = await sign(claims);
    const events = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(token));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'call.hangup',
      callId: '5801234567890123',
      raw: token,
      verified: true,
      summary: 'hangup · outbound · Alice Moreno → +442071838750 · 3m 12s',
      payload: { state: 'hangup', call_id: '5801234567890123' },
    });
  });

  it('keeps a frame signed with another secret, flagged, plus a signature_failed entry', async () => {
    const token = await sign(claims, 'someone-else');
    const events = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(token));
    expect(events.map((e) => e.type)).toEqual(['call.hangup', 'system.signature_failed']);
    expect(events[0]).toMatchObject({ verified: false, raw: token, callId: '5801234567890123' });
    expect(events[0]?.summary).toMatch(/^BAD SIGNATURE · hangup · outbound/);
    expect(events[1]).toMatchObject({
      topic: 'call',
      verified: false,
      raw: token,
      summary: 'Signature check failed: signature does not match the JWT secret',
    });
    expect(events[1]?.dedupeKey).not.toBe(events[0]?.dedupeKey);
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('rejects other algorithms even when the secret matches', async () => {
    const token = await sign(claims, SECRET, 'HS512');
    const events = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(token));
    expect(events[0]?.verified).toBe(false);
    expect(events[1]?.summary).toBe('Signature check failed: algorithm "HS512" is not HS256');
  });

  it('rejects an unsigned (alg none) token', async () => {
    const header = Buffer.from('{"alg":"none"}').toString('base64url');
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const events = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(`${header}.${body}.`));
    expect(events.map((e) => [e.type, e.verified])).toEqual([
      ['call.hangup', false],
      ['system.signature_failed', false],
    ]);
  });

  it('without a secret, decodes the claims but does not call them verified', async () => {
    const token = await sign(claims);
    const events = await decode(createDialpadDecoder({ jwtSecret: null }), textFrame(token));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'call.hangup', verified: false, raw: token });
    expect(events[0]?.summary).toMatch(/^unverified: no JWT secret set · hangup/);
  });

  it('dedupes a signed event with the same key as its plain twin', async () => {
    const signed = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(await sign(claims)));
    const plain = await decodeOne(createDialpadDecoder({}), JSON.stringify(claims));
    expect(signed[0]?.dedupeKey).toBe(plain.dedupeKey);
  });

  it('keeps 64-bit ids exact inside claims', async () => {
    const payloadText = fixture('dialpad-call-ringing.json');
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const body = Buffer.from(payloadText).toString('base64url');
    const events = await decode(createDialpadDecoder({}), textFrame(`${header}.${body}.c2ln`));
    expect(events[0]?.callId).toBe('6524329623650304123');
  });

  it('reports a token whose claims are not JSON as malformed, keeping the token', async () => {
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
    const token = `${header}.${Buffer.from('{oops').toString('base64url')}.sig`;
    const events = await decode(createDialpadDecoder({ jwtSecret: SECRET }), textFrame(token));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'system.malformed',
      raw: token,
      verified: false,
      summary: "JWT payload: Invalid JSON at position 1: Expected property name or '}'",
    });
  });
});
