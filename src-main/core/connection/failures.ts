import { describeClose, describeError } from './describe';
import { AuthError, SocketClosedError } from './errors';
import { explainSocketEnd } from './socket-end';
import type { SocketEnd } from './socket-end';
import type { ConnectionDriver } from './types';

/** Why the socket in progress was given up, and whether retrying can help. */
export interface Failure {
  authRejected: boolean;
  /** The lifecycle entry type that reports it. */
  type: string;
  text: string;
  closeCode: number | null;
  detail?: Record<string, unknown>;
}

/** resolveTarget failed, or ws refused the address. */
export function setupFailure(context: string, error: unknown): Failure {
  if (error instanceof AuthError) {
    return {
      authRejected: true,
      type: 'system.auth_failed',
      text: `The credentials were refused: ${error.message}`,
      closeCode: null,
    };
  }
  return {
    authRejected: false,
    type: 'system.connect_failed',
    text: `${context}: ${describeError(error)}`,
    closeCode: null,
  };
}

/** The driver's handshake threw, timed out, or its socket closed under it. */
export function handshakeFailure(error: unknown, end: SocketEnd | null): Failure {
  const closeCode = end?.code ?? null;
  if (error instanceof AuthError) {
    return { authRejected: true, type: 'system.auth_failed', text: `Sign-in refused: ${error.message}`, closeCode };
  }
  const text =
    error instanceof SocketClosedError
      ? `The server closed the connection during the handshake (${describeClose(error.code, error.closeReason)})`
      : `Handshake failed: ${describeError(error)}`;
  return { authRejected: false, type: 'system.handshake_failed', text, closeCode };
}

/** The socket ended on its own: refused, dropped, or cut for missing pongs. */
export function endFailure(end: SocketEnd): Failure {
  const explanation = explainSocketEnd(end);
  return {
    authRejected: explanation.authRejected,
    type: explanation.type,
    text: explanation.text,
    closeCode: end.opened ? end.code : null,
    detail: { closeReason: end.reason, httpStatus: end.httpStatus },
  };
}

/** endFailure, unless the driver knows better what this end means for its provider. */
export function explainedEndFailure(end: SocketEnd, explainEnd: ConnectionDriver['explainEnd']): Failure {
  if (!explainEnd || end.heartbeatTimedOut) return endFailure(end);
  const verdict = explainEnd({ code: end.code, reason: end.reason, opened: end.opened, httpStatus: end.httpStatus });
  if (verdict === null) return endFailure(end);
  // An HTTP 401 on the upgrade is refused before any verdict: only the generic reading decides that.
  const { authRejected } = endFailure(end);
  return {
    authRejected,
    type: verdict.type,
    text: verdict.text,
    closeCode: end.opened ? end.code : null,
    detail: { closeReason: end.reason, httpStatus: end.httpStatus },
  };
}
