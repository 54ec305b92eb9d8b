import type { ConnectionState, ConnectionStatus } from '../api';
import type { RawFrame } from '../providers/frame';

/** Why a socket address is being asked for: first connect, after a drop, or a scheduled renewal. */
export type TargetReason = 'initial' | 'reconnect' | 'rotate';

export interface SocketTarget {
  url: string;
  headers?: Record<string, string>;
  protocols?: string[];
  /** When the server will cut this socket or its token expires, ms since epoch. */
  expiresAt?: number | null;
}

export interface HandshakeContext {
  /** Sends a text frame; throws when the socket is no longer open. */
  send(text: string): void;
  /** The next frame from the server; rejects on timeout or when the socket closes (SocketClosedError). */
  nextFrame(timeoutMs: number): Promise<RawFrame>;
  reason: TargetReason;
}

/** Supplied by a provider adapter: where to connect and what to say once connected. */
export interface ConnectionDriver {
  /** Throwing AuthError stops the connection (state `failed`); any other error is retried with backoff. */
  resolveTarget(reason: TargetReason): Promise<SocketTarget>;
  /**
   * Runs after every open (auth frame and reply, subscribe frames), so subscriptions are renewed
   * after each reconnect. Throwing AuthError stops the connection. Frames read with nextFrame are
   * not emitted as `frame`.
   */
  handshake?(ctx: HandshakeContext): Promise<void>;
  /** Rotate this long before `expiresAt`; capped to half the remaining lifetime. */
  rotationLeadMs?: number;
  /**
   * Names what an ended socket means for this provider (a drop right after subscribe is a topic
   * problem; an "invalid key" close is a refused token). Null keeps the generic reading. The
   * connection reconnects as usual: a driver that knows the credential is refused throws
   * AuthError from the next resolveTarget. Not asked about heartbeat timeouts, or about the
   * previous socket closing after a rotation.
   */
  explainEnd?(end: SocketEndReport): SocketEndVerdict | null;
}

export interface SocketEndReport {
  code: number;
  reason: string;
  /** The upgrade had succeeded. */
  opened: boolean;
  /** Status of the HTTP answer when the server refused the upgrade. */
  httpStatus: number | null;
}

export interface SocketEndVerdict {
  /** The lifecycle entry type that reports it, e.g. `system.subscribe_rejected`. */
  type: string;
  text: string;
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A socket that stayed live this long starts the next reconnect series from the base delay. */
  resetAfterLiveMs?: number;
}

export interface ConnectionOptions {
  profileId: string;
  connectionId: string;
  driver: ConnectionDriver;
  heartbeatIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Time limit for each step of a connect: resolveTarget, opening the socket, the driver's handshake. */
  handshakeTimeoutMs?: number;
  /** How long the previous socket is kept after a rotation, and the window for dropping its duplicates. */
  overlapMs?: number;
  /** How long healthCheck waits for a pong before cutting the socket. */
  healthCheckTimeoutMs?: number;
  random?: () => number;
  maxPayloadBytes?: number;
}

export interface LifecycleEntry {
  /** `system.*` event type, e.g. `system.closed`. */
  type: string;
  /** One line a user can read in the timeline. */
  summary: string;
  detail: Record<string, unknown>;
  at: number;
}

export interface StateTransition {
  from: ConnectionState;
  to: ConnectionState;
}

export type ConnectionEvents = {
  state: (status: ConnectionStatus, transition: StateTransition) => void;
  frame: (frame: RawFrame) => void;
  lifecycle: (entry: LifecycleEntry) => void;
};
