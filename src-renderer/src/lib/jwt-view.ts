import { decodeJwt, decodeProtectedHeader } from 'jose';
import { SUMMARY_SEPARATOR } from '../../../src-main/core/providers/summary-text';

// The core's test (providers/jws.ts), repeated because that module needs node:crypto:
// a compact JWS whose header is a JSON object; base64url of `{"` is always `eyJ`.
const COMPACT_JWS = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** What the core found when it checked the signature (`MonitorEvent.verified`). */
export type SignatureStatus =
  | { kind: 'verified' }
  | { kind: 'not-verified'; reason: string }
  | { kind: 'unsigned' };

export interface JwtTime {
  claim: 'exp' | 'iat' | 'nbf';
  /** ms since epoch */
  at: number;
}

export interface JwtView {
  header: { ok: true; value: Record<string, unknown> } | { ok: false; error: string };
  claims: { ok: true; value: Record<string, unknown> } | { ok: false; error: string };
  signature: SignatureStatus;
  /** The registered time claims present as numbers, in token order: exp, iat, nbf. */
  times: JwtTime[];
}

interface SignedFrame {
  raw: string;
  rawEncoding: 'text' | 'base64';
  verified: boolean | null;
  summary: string;
}

export function isCompactJws(raw: string): boolean {
  return COMPACT_JWS.test(raw);
}

/**
 * The JWT section of the inspector, or null when the frame is not a compact JWS. Decodes without
 * verifying: the core already checked the signature and recorded the outcome in `verified`.
 */
export function readJwtView(frame: SignedFrame): JwtView | null {
  if (frame.rawEncoding !== 'text' || !isCompactJws(frame.raw)) return null;
  const header = attempt(() => decodeProtectedHeader(frame.raw) as Record<string, unknown>);
  const claims = attempt(() => decodeJwt(frame.raw) as Record<string, unknown>);
  return {
    header,
    claims,
    signature: signatureStatus(frame.verified, frame.summary),
    times: claims.ok ? timeClaims(claims.value) : [],
  };
}

export function signatureStatus(verified: boolean | null, summary: string): SignatureStatus {
  if (verified === true) return { kind: 'verified' };
  if (verified === null) return { kind: 'unsigned' };
  return { kind: 'not-verified', reason: failureReason(summary) };
}

const SIGNATURE_FAILED_PREFIX = 'Signature check failed: ';

/**
 * The decoder puts why a signature failed at the front of the summary ("BAD SIGNATURE · …",
 * "unverified: no JWT secret set · …"); a `system.signature_failed` entry says
 * "Signature check failed: <reason>".
 */
function failureReason(summary: string): string {
  if (summary.startsWith(SIGNATURE_FAILED_PREFIX)) return summary.slice(SIGNATURE_FAILED_PREFIX.length);
  return summary.split(SUMMARY_SEPARATOR, 1)[0] || 'the signature did not match';
}

function timeClaims(claims: Record<string, unknown>): JwtTime[] {
  const times: JwtTime[] = [];
  for (const claim of ['exp', 'iat', 'nbf'] as const) {
    const seconds = claims[claim];
    if (typeof seconds === 'number' && Number.isFinite(seconds)) times.push({ claim, at: seconds * 1000 });
  }
  return times;
}

function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
