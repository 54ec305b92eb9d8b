import type { ConnectionState } from '../api';

/**
 * Every state change the connection may make. Anything else is a bug in the connection logic,
 * so it is refused rather than shown to the user as a state that cannot happen.
 */
const NEXT_STATES: Readonly<Record<ConnectionState, readonly ConnectionState[]>> = {
  idle: ['connecting', 'closed'],
  // `live` directly when the driver has no handshake.
  connecting: ['handshaking', 'live', 'reconnecting', 'failed', 'closed'],
  handshaking: ['live', 'reconnecting', 'failed', 'closed'],
  live: ['rotating', 'reconnecting', 'closed'],
  // Back to `live` both when the renewal succeeds and when it fails but the old socket still works.
  rotating: ['live', 'reconnecting', 'failed', 'closed'],
  reconnecting: ['connecting', 'closed'],
  closed: ['connecting'],
  failed: ['connecting', 'closed'],
};

export function canTransition(from: ConnectionState, to: ConnectionState): boolean {
  return NEXT_STATES[from].includes(to);
}

export function nextStates(from: ConnectionState): readonly ConnectionState[] {
  return NEXT_STATES[from];
}
