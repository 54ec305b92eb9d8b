import { SocketClosedError, TimeoutError } from './errors';
import type { SocketSession } from './socket-session';
import type { ConnectionDriver, TargetReason } from './types';

/**
 * Runs the driver's handshake on a freshly opened socket, bounded in time and ended early when
 * the socket closes. Resolves when there is no handshake to run.
 */
export async function runHandshake(
  driver: ConnectionDriver,
  session: SocketSession,
  reason: TargetReason,
  timeoutMs: number,
): Promise<void> {
  if (!driver.handshake) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError('The handshake', timeoutMs)), timeoutMs);
  });
  // One macrotask later than the close itself, so a driver that turns the close into its own
  // verdict (for example AuthError: "a close during sign-in means the token was refused") wins.
  const closed = session.ended.then(
    (end) =>
      new Promise<never>((_resolve, reject) => {
        setImmediate(() => reject(new SocketClosedError(end.code, end.reason)));
      }),
  );
  try {
    await Promise.race([driver.handshake(session.handshakeContext(reason)), timedOut, closed]);
  } finally {
    clearTimeout(timer);
  }
}
