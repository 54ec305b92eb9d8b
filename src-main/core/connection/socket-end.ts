import { describeClose, describeError } from './describe';

/** Everything known about how a socket ended, gathered from ws's error, response and close events. */
export interface SocketEnd {
  code: number;
  reason: string;
  /** The upgrade succeeded before it ended. */
  opened: boolean;
  /** Status of the HTTP answer when the server refused the upgrade. */
  httpStatus: number | null;
  error: Error | null;
  /** We cut it because it stopped answering pings. */
  heartbeatTimedOut: boolean;
}

export interface SocketEndExplanation {
  /** Retrying with the same credentials cannot help. */
  authRejected: boolean;
  /** The lifecycle entry type that reports it. */
  type: string;
  text: string;
}

const AUTH_REJECTION_STATUSES = new Set([401, 403]);

export function explainSocketEnd(end: SocketEnd): SocketEndExplanation {
  if (end.heartbeatTimedOut) {
    return {
      authRejected: false,
      type: 'system.heartbeat_timeout',
      text: 'The server stopped answering pings (half-open connection)',
    };
  }
  if (end.httpStatus !== null && AUTH_REJECTION_STATUSES.has(end.httpStatus)) {
    return {
      authRejected: true,
      type: 'system.auth_failed',
      text: `The server refused the credentials (HTTP ${end.httpStatus})`,
    };
  }
  if (end.httpStatus !== null) {
    return {
      authRejected: false,
      type: 'system.connect_failed',
      text: `The server answered HTTP ${end.httpStatus} instead of opening the socket`,
    };
  }
  if (!end.opened) {
    return {
      authRejected: false,
      type: 'system.connect_failed',
      text: `Could not connect: ${end.error ? describeError(end.error) : 'the socket closed while opening'}`,
    };
  }
  const close = describeClose(end.code, end.reason);
  return {
    authRejected: false,
    type: 'system.closed',
    text: end.error
      ? `Connection lost (${close}): ${describeError(end.error)}`
      : `Server closed the connection (${close})`,
  };
}
