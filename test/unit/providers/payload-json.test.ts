import { SignJWT } from 'jose';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import type { DecodedEvent, FrameDecoder } from '../../../src-main/core/providers/frame';
import { createOpentactDecoder } from '../../../src-main/core/providers/opentact';
import { withQuotedIntegers } from '../../../src-main/core/providers/quoted-integers';
import { createVoipbinDecoder } from '../../../src-main/core/providers/voipbin';
import { decodeOne, fixture } from './frames';

const DECODERS: Record<string, FrameDecoder> = {
  dialpad: createDialpadDecoder({}),
  opentact: createOpentactDecoder(),
  voipbin: createVoipbinDecoder(),
};
const FIXTURES = readdirSync(fileURLToPath(new URL('../../fixtures/providers/', import.meta.url)));

/** The payload text the store writes for an event, as the writer builds it. */
function storedText(event: DecodedEvent): string {
  return withQuotedIntegers(event.payloadJson!, event.payloadQuotedIntegers ?? []);
}

/** The store writes payloadJson instead of JSON.stringify(payload): the two must read back the same. */
describe('payloadJson, the payload as text the decoder already had', () => {
  it.each(FIXTURES)('reads back as the payload for %s', async (name) => {
    const decoder = DECODERS[name.split('-')[0]!]!;
    const event = await decodeOne(decoder, fixture(name));
    if (event.type.startsWith('system.')) return;
    expect(event.payloadJson).toBeDefined();
    expect(JSON.parse(storedText(event))).toEqual(event.payload);
  });

  it('is the frame with its 64-bit ids quoted, as the payload holds them', async () => {
    const raw = '{"call_id":6524329623650304123,"state":"ringing","master_call_id": -6524329623650304555,"event_timestamp":1712345679012}';
    const event = await decodeOne(DECODERS.dialpad!, raw);
    // The frame itself, with where to quote: the text is built on the writer thread, not here.
    expect(event.payloadJson).toBe(raw);
    expect(event.payloadQuotedIntegers).toEqual([11, 30, 67, 87]);
    expect(storedText(event)).toBe(
      '{"call_id":"6524329623650304123","state":"ringing","master_call_id": "-6524329623650304555","event_timestamp":1712345679012}',
    );
    expect(JSON.parse(storedText(event))).toEqual(event.payload);
  });

  it('is the frame itself when the normalizer changed nothing', async () => {
    const raw = fixture('voipbin-call-hangup-bare.json');
    const event = await decodeOne(DECODERS.voipbin!, raw);
    expect(event.payloadJson).toBe(raw);
    expect(event.payloadQuotedIntegers).toBeUndefined();
  });

  it('is left to JSON.stringify when an id key is written twice or the text has escapes', async () => {
    const nested = '{"call_id":6524329623650304123,"state":"ringing","transfer":{"call_id":6524329623650304999}}';
    const escaped = '{"call_id":6524329623650304123,"state":"ringing","contact":{"name":"Jos\\u00e9"}}';
    for (const raw of [nested, escaped]) {
      const event = await decodeOne(DECODERS.dialpad!, raw);
      expect(event.payloadJson).toBeUndefined();
      expect((event.payload as Record<string, unknown>).call_id).toBe('6524329623650304123');
    }
  });

  it('is the claims text of a signed frame, not the token', async () => {
    const claims = '{"call_id":6524329623650304123,"state":"hangup","event_timestamp":1712345679012}';
    const token = await new SignJWT(JSON.parse(claims) as Record<string, unknown>)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('secret'));
    const [event] = await createDialpadDecoder({ jwtSecret: 'secret' }).decode({
      data: Buffer.from(token),
      isBinary: false,
      receivedAt: 0,
    });
    expect(event?.raw).toBe(token);
    expect(JSON.parse(storedText(event!))).toEqual(event!.payload);
    expect((event!.payload as Record<string, unknown>).call_id).toBe(String(JSON.parse(claims).call_id));
  });
});
