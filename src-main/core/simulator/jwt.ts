import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JWTs, synchronous: frames are signed one by one at up to 50k/s, and a frame's payload
 * must be the exact JSON text the format produced (ids as written), which an object-taking
 * signer would re-serialize.
 */

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export function signHs256(payloadJson: string, secret: string, type = 'JWT'): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: type }));
  const body = `${header}.${base64url(payloadJson)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The claims when the signature matches, otherwise null. Expiry is the caller's business. */
export function verifyHs256(token: string, secret: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
