/** The credentials were refused: retrying with the same ones cannot help, so the user is asked for new ones. */
export class AuthError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AuthError';
  }
}

/**
 * The socket closed while the handshake was using it. Carries the close code so a driver can
 * decide that, for its provider, a close during sign-in means the credentials were refused.
 */
export class SocketClosedError extends Error {
  constructor(
    readonly code: number,
    readonly closeReason: string,
  ) {
    super(`socket closed (${code}${closeReason ? `: ${closeReason}` : ''})`);
    this.name = 'SocketClosedError';
  }
}

export class TimeoutError extends Error {
  constructor(what: string, readonly timeoutMs: number) {
    super(`${what} timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}
