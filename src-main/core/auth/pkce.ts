import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 section 4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
export const VERIFIER_MIN_LENGTH = 43;
export const VERIFIER_MAX_LENGTH = 128;
const DEFAULT_VERIFIER_LENGTH = 64;
const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function createPkcePair(length = DEFAULT_VERIFIER_LENGTH): PkcePair {
  if (!Number.isInteger(length) || length < VERIFIER_MIN_LENGTH || length > VERIFIER_MAX_LENGTH) {
    throw new RangeError(`a PKCE verifier is ${VERIFIER_MIN_LENGTH} to ${VERIFIER_MAX_LENGTH} characters, not ${length}`);
  }
  // base64url only uses unreserved characters, and 3 random bytes give 4 of them.
  const verifier = randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function isValidVerifier(verifier: string): boolean {
  return VERIFIER_PATTERN.test(verifier);
}
