import { describe, expect, it } from 'vitest';
import { createPkcePair, isValidVerifier, s256Challenge } from '../../../src-main/core/auth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('matches the appendix B test vector', () => {
    // The appendix's 32 random octets, base64url-encoded, are the verifier.
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
      132, 141, 121,
    ];
    const verifier = Buffer.from(octets).toString('base64url');
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(s256Challenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a 64-character verifier from the unreserved set by default, with its S256 challenge', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toHaveLength(64);
    expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
    expect(pair.challenge).toBe(s256Challenge(pair.verifier));
    expect(pair.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.method).toBe('S256');
  });

  it('honours every length from 43 to 128 and refuses others', () => {
    for (let length = 43; length <= 128; length++) {
      const { verifier } = createPkcePair(length);
      expect(verifier).toHaveLength(length);
      expect(isValidVerifier(verifier)).toBe(true);
    }
    for (const length of [0, 42, 129, 64.5, Number.NaN]) expect(() => createPkcePair(length)).toThrow(RangeError);
  });

  it('never repeats a verifier', () => {
    const seen = new Set(Array.from({ length: 200 }, () => createPkcePair().verifier));
    expect(seen.size).toBe(200);
  });

  it('recognizes invalid verifiers', () => {
    expect(isValidVerifier('a'.repeat(42))).toBe(false);
    expect(isValidVerifier('a'.repeat(129))).toBe(false);
    expect(isValidVerifier(`${'a'.repeat(50)}+/=`)).toBe(false);
  });
});
