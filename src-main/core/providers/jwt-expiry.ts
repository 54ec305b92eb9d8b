import { decodeJwt } from 'jose';

/**
 * `exp` of a JWT in ms since epoch, read without verifying: only to schedule renewal before
 * the provider cuts us off. Null when the token is not a JWT or carries no `exp`.
 */
export function jwtExpiry(token: string): number | null {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
