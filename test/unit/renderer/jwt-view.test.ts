import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { isCompactJws, readJwtView, signatureStatus } from '../../../src-renderer/src/lib/jwt-view';

const SECRET = new TextEncoder().encode('inspector-test-secret');
const CLAIMS = { call_id: 5801234567890123, state: 'ringing', target: { name: 'Alice Moreno' } };

async function signedToken(): Promise<string> {
  return new SignJWT(CLAIMS)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(1_712_345_678)
    .setExpirationTime(1_712_349_278)
    .sign(SECRET);
}

const frame = (raw: string, verified: boolean | null, summary = 'call ringing') => ({
  raw,
  rawEncoding: 'text' as const,
  verified,
  summary,
});

describe('readJwtView', () => {
  it('decodes a jose-signed token: header, claims, verified badge, exp/iat as dates', async () => {
    const view = readJwtView(frame(await signedToken(), true))!;
    expect(view.header).toEqual({ ok: true, value: { alg: 'HS256', typ: 'JWT' } });
    expect(view.claims.ok && view.claims.value).toMatchObject(CLAIMS);
    expect(view.signature).toEqual({ kind: 'verified' });
    expect(view.times).toEqual([
      { claim: 'exp', at: 1_712_349_278_000 },
      { claim: 'iat', at: 1_712_345_678_000 },
    ]);
  });

  it('marks a failed check NOT verified with the reason the decoder put in the summary', async () => {
    const token = await signedToken();
    expect(readJwtView(frame(token, false, 'BAD SIGNATURE · call ringing · +1 415 555 0150'))!.signature).toEqual({
      kind: 'not-verified',
      reason: 'BAD SIGNATURE',
    });
    expect(readJwtView(frame(token, false, 'unverified: no JWT secret set · call ringing'))!.signature).toEqual({
      kind: 'not-verified',
      reason: 'unverified: no JWT secret set',
    });
    expect(signatureStatus(false, 'Signature check failed: signature does not match the JWT secret')).toEqual({
      kind: 'not-verified',
      reason: 'signature does not match the JWT secret',
    });
  });

  it('calls a token nobody checked unsigned', () => {
    const token = new UnsecuredJWT(CLAIMS).encode();
    const view = readJwtView(frame(token, null))!;
    expect(view.signature).toEqual({ kind: 'unsigned' });
    expect(view.header).toEqual({ ok: true, value: { alg: 'none' } });
    expect(view.times).toEqual([]);
  });

  it('still shows the header when the claims are not a JSON object', () => {
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
    const view = readJwtView(frame(`${header}.${Buffer.from('[1,2]').toString('base64url')}.sig`, false))!;
    expect(view.header.ok).toBe(true);
    expect(view.claims.ok).toBe(false);
    const garbled = readJwtView(frame(`${header}.%%%.sig`, false));
    expect(garbled).toBeNull();
    const unreadable = readJwtView(frame(`eyJub3Q.${Buffer.from('{}').toString('base64url')}.sig`, false))!;
    expect(unreadable.header.ok).toBe(false);
    expect(unreadable.claims).toEqual({ ok: true, value: {} });
  });

  it('returns null for frames that are not a compact JWS', async () => {
    expect(readJwtView(frame('{"state":"ringing"}', null))).toBeNull();
    expect(readJwtView(frame('connected', null))).toBeNull();
    expect(readJwtView(frame('a.b.c', null))).toBeNull();
    expect(readJwtView({ ...frame(await signedToken(), null), rawEncoding: 'base64' })).toBeNull();
    expect(isCompactJws('eyJhbGciOiJub25lIn0.e30.')).toBe(true);
    expect(isCompactJws('eyJhbGciOiJub25lIn0.e30')).toBe(false);
  });
});
