import { webcrypto } from 'node:crypto';
import { compactVerify, errors } from 'jose';
import { decodeUtf8Strict } from './frame-text';

// A compact JWS whose header is a JSON object: base64url of `{"` is always `eyJ`.
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

export function looksLikeCompactJws(text: string): boolean {
  return COMPACT_JWS.test(text);
}

export interface UnverifiedJws {
  /** The JOSE header as text, for the inspector; not trusted. */
  headerText: string | null;
  /** The payload as text, or the reason it cannot be read. */
  payload: { ok: true; text: string } | { ok: false; detail: string };
}

/** Splits a compact JWS without checking anything: the claims are shown even when unsigned or forged. */
export function readJwsUnverified(token: string): UnverifiedJws {
  const [header = '', payload = ''] = token.split('.', 2);
  const headerBytes = Buffer.from(header, 'base64url');
  const headerText = decodeUtf8Strict(headerBytes);
  const payloadText = decodeUtf8Strict(Buffer.from(payload, 'base64url'));
  return {
    headerText: headerText.ok ? headerText.text : null,
    payload: payloadText.ok
      ? { ok: true, text: payloadText.text }
      : { ok: false, detail: `JWT payload is not UTF-8 text: ${payloadText.detail}` },
  };
}

export type SignatureCheck = { verified: true } | { verified: false; reason: string };

/**
 * Checks HS256 signatures against one shared secret. Only the signature: a frame's `exp` or `nbf`
 * says nothing about whether the provider sent it, and an event must never be hidden for its age.
 */
export function createHs256Checker(secret: string): (token: string) => Promise<SignatureCheck> {
  let key: Promise<webcrypto.CryptoKey> | null = null;
  // Imported once: jose would otherwise import a raw secret again for every frame.
  const importKey = (): Promise<webcrypto.CryptoKey> =>
    (key ??= webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    ));
  return async (token) => {
    try {
      await compactVerify(token, await importKey(), { algorithms: ['HS256'] });
      return { verified: true };
    } catch (error) {
      return { verified: false, reason: describeVerifyError(error, token) };
    }
  };
}

function describeVerifyError(error: unknown, token: string): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature does not match the JWT secret';
  if (error instanceof errors.JOSEAlgNotAllowed) return `algorithm ${headerAlgorithm(token)} is not HS256`;
  if (error instanceof errors.JOSEError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function headerAlgorithm(token: string): string {
  const { headerText } = readJwsUnverified(token);
  try {
    const header: unknown = JSON.parse(headerText ?? '');
    if (typeof header === 'object' && header !== null && 'alg' in header && typeof header.alg === 'string') {
      return JSON.stringify(header.alg);
    }
  } catch {
    // An unreadable header is reported as such below.
  }
  return '(unreadable)';
}
