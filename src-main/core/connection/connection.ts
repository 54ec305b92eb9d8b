import type { ConnectionState, ConnectionStatus } from '../api';
import type { RawFrame } from '../providers/frame';
import { Backoff } from './backoff';
import { describeClose, describeEndpoint, describeError, formatDuration } from './describe';
import { TimeoutError } from './errors';
import { explainedEndFailure, handshakeFailure, setupFailure } from './failures';
import type { Failure } from './failures';
import { runHandshake } from './handshake';
import { OverlapDedupe } from './overlap-dedupe';
import { DEFAULT_ROTATION_LEAD_MS, rotationDelayMs } from './rotation-schedule';
import { SafeEmitter } from './safe-emitter';
import type { SocketEnd } from './socket-end';
import { SocketSession } from './socket-session';
import { TimerSet } from './timer-set';
import { canTransition } from './transitions';
import type { ConnectionDriver, ConnectionEvents, ConnectionOptions, SocketTarget, TargetReason } from './types';

// The module others import: the connection's whole public surface is reachable from here.
export { AuthError, SocketClosedError, TimeoutError } from './errors';
export type {
  BackoffOptions,
  ConnectionDriver,
  ConnectionEvents,
  ConnectionOptions,
  HandshakeContext,
  LifecycleEntry,
  SocketEndReport,
  SocketEndVerdict,
  SocketTarget,
  StateTransition,
  TargetReason,
} from './types';

const DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000;
const DEFAULT_BACKOFF_BASE_MS = 1_000;
const DEFAULT_BACKOFF_CAP_MS = 30_000;
const DEFAULT_RESET_AFTER_LIVE_MS = 60_000;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;
const DEFAULT_OVERLAP_MS = 5_000;
const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 5_000;
/** Large enough for any real event (a 10 MB frame must arrive), small enough to bound memory. */
const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

const NORMAL_CLOSURE = 1000;

interface StateChange {
  /** Lifecycle entry type: the cause where there is one (`system.closed`), else the step (`system.connected`). */
  type: string;
  text: string;
  detail?: Record<string, unknown>;
  /** Shorter than `text` when the text adds what happens next. */
  reason?: string;
  closeCode?: number | null;
  retryAt?: number | null;
}

interface Settings {
  heartbeatIntervalMs: number;
  resetAfterLiveMs: number;
  handshakeTimeoutMs: number;
  overlapMs: number;
  healthCheckTimeoutMs: number;
  maxPayloadBytes: number;
}

/**
 * One live socket for one profile, kept alive: reconnects with backoff, detects half-open sockets,
 * renews expiring sockets make-before-break, and reports every step as a state and a lifecycle entry.
 */
export class Connection {
  private readonly driver: ConnectionDriver;
  private readonly settings: Settings;
  private readonly emitter = new SafeEmitter<ConnectionEvents>((event, error) =>
    this.reportListenerError(event, error),
  );
  private readonly timers = new TimerSet();
  private readonly reconnectBackoff: Backoff;
  private readonly rotationBackoff: Backoff;
  private readonly dedupe: OverlapDedupe;
  private current: ConnectionStatus;
  /** Bumped whenever the attempt in progress is abandoned, so its late async results are ignored. */
  private attempt = 0;
  /** The socket whose frames are the stream (connecting, handshaking or live). */
  private primary: SocketSession | null = null;
  /** The renewed socket being prepared during rotation. */
  private candidate: SocketSession | null = null;
  /** Replaced sockets still delivering during the rotation overlap. */
  private readonly draining = new Set<SocketSession>();
  /** Sockets we asked to close and have not closed yet; stop() waits for them. */
  private readonly retiring = new Set<SocketSession>();
  private nextSocketId = 1;
  private liveSince: number | null = null;

  constructor(options: ConnectionOptions) {
    this.driver = options.driver;
    const heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.settings = {
      heartbeatIntervalMs,
      resetAfterLiveMs: options.backoff?.resetAfterLiveMs ?? DEFAULT_RESET_AFTER_LIVE_MS,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
      overlapMs: options.overlapMs ?? DEFAULT_OVERLAP_MS,
      healthCheckTimeoutMs:
        options.healthCheckTimeoutMs ?? Math.min(DEFAULT_HEALTH_CHECK_TIMEOUT_MS, heartbeatIntervalMs),
      maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    };
    const policy = {
      baseMs: options.backoff?.baseMs ?? DEFAULT_BACKOFF_BASE_MS,
      capMs: options.backoff?.capMs ?? DEFAULT_BACKOFF_CAP_MS,
    };
    const random = options.random ?? Math.random;
    this.reconnectBackoff = new Backoff(policy, random);
    this.rotationBackoff = new Backoff(policy, random);
    this.dedupe = new OverlapDedupe(this.settings.overlapMs);
    this.current = {
      profileId: options.profileId,
      connectionId: options.connectionId,
      state: 'idle',
      since: Date.now(),
      reason: null,
      closeCode: null,
      reconnects: 0,
      tokenExpiresAt: null,
      retryAt: null,
    };
  }

  get status(): ConnectionStatus {
    return { ...this.current };
  }

  on<E extends keyof ConnectionEvents>(event: E, listener: ConnectionEvents[E]): this {
    this.emitter.on(event, listener);
    return this;
  }

  off<E extends keyof ConnectionEvents>(event: E, listener: ConnectionEvents[E]): this {
    this.emitter.off(event, listener);
    return this;
  }

  start(): void {
    const { state } = this.current;
    if (state !== 'idle' && state !== 'closed' && state !== 'failed') return;
    this.attempt += 1;
    this.reconnectBackoff.reset();
    this.rotationBackoff.reset();
    this.current = { ...this.current, reconnects: 0 };
    this.moveTo('connecting', { type: 'system.connecting', text: 'Connecting…', detail: { attempt: 'initial' } });
    if (this.isIn('connecting')) this.runTask(() => this.connect('initial'));
  }

  async stop(reason = 'Disconnected'): Promise<void> {
    const hadOpenSocket = this.primary?.phase === 'live' || this.draining.size > 0;
    this.attempt += 1;
    this.timers.clearAll();
    this.dedupe.reset();
    this.liveSince = null;
    this.retireAllSockets('client disconnected');
    if (this.current.state !== 'closed') {
      this.moveTo('closed', {
        type: 'system.disconnected',
        text: reason,
        closeCode: hadOpenSocket ? NORMAL_CLOSURE : null,
      });
    }
    await Promise.all([...this.retiring].map((session) => session.ended));
  }

  /**
   * While the consumer cannot keep up (the store is behind), frames wait in the kernel instead of
   * in memory. Brief by design: a socket left unread past two heartbeats is taken for dead.
   */
  setReading(reading: boolean): void {
    for (const session of [this.primary, this.candidate, ...this.draining]) session?.setReading(reading);
  }

  healthCheck(reason: string): void {
    this.guard(() => {
      const { state } = this.current;
      if (state === 'reconnecting') {
        this.log('system.health_check', `${reason}: reconnecting now instead of waiting`, { reason });
        this.retryNow();
        return;
      }
      const session = this.primary;
      if ((state !== 'live' && state !== 'rotating') || !session) return;
      this.log('system.health_check', `${reason}: checking that the connection still answers`, {
        reason,
        timeoutMs: this.settings.healthCheckTimeoutMs,
      });
      session.probe(this.settings.healthCheckTimeoutMs);
    });
  }

  // ---- connecting -------------------------------------------------------------------------

  private async connect(reason: 'initial' | 'reconnect'): Promise<void> {
    const attempt = this.attempt;
    let target: SocketTarget;
    try {
      target = await this.resolveWithinLimit(reason);
    } catch (error) {
      if (attempt === this.attempt) this.abandonAttempt(setupFailure('Could not prepare the connection', error));
      return;
    }
    if (attempt !== this.attempt || !this.isIn('connecting')) return;
    this.current = { ...this.current, tokenExpiresAt: target.expiresAt ?? null };
    try {
      this.primary = this.openSocket(target, (session) => this.onPrimaryOpen(session, reason));
    } catch (error) {
      this.abandonAttempt(setupFailure('Could not open the socket', error));
    }
  }

  private async onPrimaryOpen(session: SocketSession, reason: 'initial' | 'reconnect'): Promise<void> {
    if (session !== this.primary) return;
    if (this.driver.handshake) {
      const endpoint = describeEndpoint(session.target.url);
      this.moveTo('handshaking', {
        type: 'system.handshaking',
        text: `Socket open to ${endpoint} — signing in and subscribing`,
        detail: { endpoint },
      });
      try {
        await runHandshake(this.driver, session, reason, this.settings.handshakeTimeoutMs);
      } catch (error) {
        if (session === this.primary) this.abandonAttempt(handshakeFailure(error, session.end));
        return;
      }
      if (session !== this.primary) return;
      if (session.end) {
        this.abandonAttempt(this.endFailure(session.end));
        return;
      }
    }
    this.goLive(session, reason);
  }

  private goLive(session: SocketSession, reason: 'initial' | 'reconnect'): void {
    const unread = session.goLive();
    const endpoint = describeEndpoint(session.target.url);
    this.liveSince = Date.now();
    this.moveTo('live', {
      type: 'system.connected',
      text: reason === 'initial' ? `Connected to ${endpoint}` : `Reconnected to ${endpoint}`,
      detail: { endpoint, tokenExpiresAt: this.current.tokenExpiresAt },
    });
    if (session !== this.primary) return;
    for (const frame of unread) this.deliver(session, frame);
    this.scheduleRotation(session.target);
  }

  // ---- frames and socket ends ----------------------------------------------------------------

  private deliver(session: SocketSession, frame: RawFrame): void {
    if (session !== this.primary && !this.draining.has(session)) return;
    if (!this.dedupe.admit(session.id, frame)) return;
    this.emitter.emit('frame', frame);
  }

  private onSocketEnd(session: SocketSession, end: SocketEnd): void {
    // The handshake's own outcome reports it, with the driver's verdict on what the close meant.
    if (session.phase === 'handshaking') return;
    if (session === this.primary) this.onPrimaryEnded(end);
    else if (session === this.candidate) this.onRotationFailed(this.endFailure(end));
    else if (this.draining.delete(session)) this.onPreviousSocketClosed(session, end);
  }

  private onPrimaryEnded(end: SocketEnd): void {
    this.primary = null;
    const failure = this.endFailure(end);
    if (this.current.state === 'rotating') {
      this.log(failure.type, `${failure.text} before the renewed connection was ready — waiting for it`, {
        ...failure.detail,
        closeCode: failure.closeCode,
      });
      return;
    }
    this.abandonAttempt(failure);
  }

  private endFailure(end: SocketEnd): Failure {
    return explainedEndFailure(end, this.driver.explainEnd?.bind(this.driver));
  }

  private abandonAttempt(failure: Failure): void {
    if (failure.authRejected) this.fail(failure);
    else this.reconnectAfter(failure);
  }

  private reconnectAfter(failure: Failure): void {
    this.attempt += 1;
    this.retireAllSockets('reconnecting');
    this.timers.clearAll();
    this.dedupe.reset();
    if (this.liveSince !== null && Date.now() - this.liveSince >= this.settings.resetAfterLiveMs) {
      this.reconnectBackoff.reset();
    }
    this.liveSince = null;
    const delayMs = this.reconnectBackoff.next();
    const retryAt = Date.now() + delayMs;
    this.current = { ...this.current, reconnects: this.current.reconnects + 1 };
    this.moveTo('reconnecting', {
      type: failure.type,
      text: `${failure.text} — reconnecting in ${formatDuration(delayMs)}`,
      reason: failure.text,
      closeCode: failure.closeCode,
      retryAt,
      detail: { ...failure.detail, delayMs, retryAt, attempt: this.reconnectBackoff.attempts },
    });
    if (this.isIn('reconnecting')) this.timers.set('retry', delayMs, () => this.guard(() => this.retryNow()));
  }

  private retryNow(): void {
    this.timers.clear('retry');
    this.attempt += 1;
    this.moveTo('connecting', {
      type: 'system.connecting',
      text: `Reconnecting (attempt ${this.reconnectBackoff.attempts})…`,
      detail: { attempt: this.reconnectBackoff.attempts },
    });
    if (this.isIn('connecting')) this.runTask(() => this.connect('reconnect'));
  }

  private fail(failure: Failure): void {
    this.attempt += 1;
    this.retireAllSockets('credentials refused');
    this.timers.clearAll();
    this.dedupe.reset();
    this.liveSince = null;
    this.moveTo('failed', {
      type: 'system.auth_failed',
      text: `${failure.text} — enter new credentials to reconnect`,
      reason: failure.text,
      closeCode: failure.closeCode,
      detail: failure.detail,
    });
  }

  // ---- rotation (make-before-break) ----------------------------------------------------------

  private scheduleRotation(target: SocketTarget): void {
    this.timers.clear('rotation');
    if (target.expiresAt === undefined || target.expiresAt === null) return;
    const leadMs = this.driver.rotationLeadMs ?? DEFAULT_ROTATION_LEAD_MS;
    const delayMs = rotationDelayMs(Date.now(), target.expiresAt, leadMs);
    if (delayMs === null) return;
    this.timers.set('rotation', delayMs, () => this.runTask(() => this.rotate()));
  }

  private async rotate(): Promise<void> {
    const previous = this.primary;
    if (this.current.state !== 'live' || !previous) return;
    const attempt = this.attempt;
    const expiresAt = previous.target.expiresAt ?? null;
    this.moveTo('rotating', {
      type: 'system.rotating',
      text:
        expiresAt === null
          ? 'Renewing the connection'
          : `Renewing the connection ${formatDuration(Math.max(0, expiresAt - Date.now()))} before it expires`,
      detail: { expiresAt },
    });
    if (!this.isIn('rotating')) return;
    this.dedupe.begin();
    let target: SocketTarget;
    try {
      target = await this.resolveWithinLimit('rotate');
    } catch (error) {
      if (attempt === this.attempt) this.onRotationFailed(setupFailure('Could not get a new address', error));
      return;
    }
    if (attempt !== this.attempt || !this.isIn('rotating')) return;
    try {
      this.candidate = this.openSocket(target, (session) => this.onCandidateOpen(session));
    } catch (error) {
      this.onRotationFailed(setupFailure('Could not open the socket', error));
    }
  }

  private async onCandidateOpen(session: SocketSession): Promise<void> {
    if (session !== this.candidate) return;
    try {
      await runHandshake(this.driver, session, 'rotate', this.settings.handshakeTimeoutMs);
    } catch (error) {
      if (session === this.candidate) this.onRotationFailed(handshakeFailure(error, session.end));
      return;
    }
    if (session !== this.candidate) return;
    if (session.end) {
      this.onRotationFailed(this.endFailure(session.end));
      return;
    }
    this.promote(session);
  }

  private promote(session: SocketSession): void {
    const previous = this.primary;
    this.candidate = null;
    this.primary = session;
    const unread = session.goLive();
    this.rotationBackoff.reset();
    this.current = { ...this.current, tokenExpiresAt: session.target.expiresAt ?? null };
    if (previous) {
      this.draining.add(previous);
      this.timers.set(`drain:${previous.id}`, this.settings.overlapMs, () =>
        previous.close(NORMAL_CLOSURE, 'replaced by a renewed connection'),
      );
    } else {
      this.dedupe.endAfterWindow();
    }
    this.liveSince ??= Date.now();
    const endpoint = describeEndpoint(session.target.url);
    this.moveTo('live', {
      type: 'system.rotated',
      text: previous
        ? `Connection renewed — the previous socket closes in ${formatDuration(this.settings.overlapMs)}`
        : 'Connection renewed (the previous socket had already closed)',
      detail: { endpoint, tokenExpiresAt: this.current.tokenExpiresAt },
    });
    if (session !== this.primary) return;
    for (const frame of unread) this.deliver(session, frame);
    this.scheduleRotation(session.target);
  }

  private onPreviousSocketClosed(session: SocketSession, end: SocketEnd): void {
    this.timers.clear(`drain:${session.id}`);
    this.log('system.closed', `Previous socket closed after the renewal (${describeClose(end.code, end.reason)})`, {
      previous: true,
      closeCode: end.code,
      closeReason: end.reason,
    });
    if (this.draining.size === 0 && !this.candidate) this.dedupe.endAfterWindow();
  }

  private onRotationFailed(failure: Failure): void {
    if (this.candidate) this.retire(this.candidate, 'renewal abandoned');
    this.candidate = null;
    const text = `Could not renew the connection: ${failure.text}`;
    if (!this.primary) {
      this.abandonAttempt({ ...failure, text });
      return;
    }
    this.dedupe.endAfterWindow();
    if (failure.authRejected) {
      // The same credentials would be refused again; the reconnect after the server closes this
      // socket will fail the same way and ask for new ones.
      this.moveTo('live', {
        type: 'system.rotation_failed',
        text: `${text} — keeping the current socket until the server closes it`,
        reason: text,
        detail: { ...failure.detail, authRejected: true },
      });
      return;
    }
    const delayMs = this.rotationBackoff.next();
    this.moveTo('live', {
      type: 'system.rotation_failed',
      text: `${text} — retrying in ${formatDuration(delayMs)}`,
      reason: text,
      detail: { ...failure.detail, delayMs },
    });
    if (this.isIn('live')) {
      this.timers.set('rotation', delayMs, () => this.runTask(() => this.rotate()));
    }
  }

  /** A driver's REST call that hangs must not leave the connection stuck in `connecting`. */
  private resolveWithinLimit(reason: TargetReason): Promise<SocketTarget> {
    const limitMs = this.settings.handshakeTimeoutMs;
    // Named after the attempt so a late answer to an abandoned attempt cannot clear a newer timer.
    const timerName = `resolve:${this.attempt}`;
    return new Promise((resolve, reject) => {
      this.timers.set(timerName, limitMs, () => reject(new TimeoutError('Getting the socket address', limitMs)));
      Promise.resolve()
        .then(() => this.driver.resolveTarget(reason))
        .then(
          (target) => {
            this.timers.clear(timerName);
            resolve(target);
          },
          (error: unknown) => {
            this.timers.clear(timerName);
            reject(error);
          },
        );
    });
  }

  // ---- sockets ---------------------------------------------------------------------------------

  /** Frames and ends are routed by the socket's current role, so a promoted candidate needs no rewiring. */
  private openSocket(target: SocketTarget, onOpen: (session: SocketSession) => Promise<void>): SocketSession {
    const id = this.nextSocketId;
    this.nextSocketId += 1;
    const options = {
      maxPayloadBytes: this.settings.maxPayloadBytes,
      openTimeoutMs: this.settings.handshakeTimeoutMs,
      heartbeatIntervalMs: this.settings.heartbeatIntervalMs,
    };
    const session: SocketSession = new SocketSession(id, target, options, {
      onOpen: () => this.runTask(() => onOpen(session)),
      onFrame: (frame) => this.guard(() => this.deliver(session, frame)),
      onEnd: (end) => this.guard(() => this.onSocketEnd(session, end)),
    });
    return session;
  }

  private retireAllSockets(closeReason: string): void {
    for (const session of [this.primary, this.candidate, ...this.draining]) {
      if (session) this.retire(session, closeReason);
    }
    this.primary = null;
    this.candidate = null;
    this.draining.clear();
  }

  private retire(session: SocketSession, closeReason: string): void {
    session.detach();
    if (session.end) return;
    session.close(NORMAL_CLOSURE, closeReason);
    this.retiring.add(session);
    void session.ended.then(() => this.retiring.delete(session));
  }

  // ---- state and reporting -------------------------------------------------------------------

  /** Re-reads the state after a step that emitted events: a listener may have stopped the connection. */
  private isIn(state: ConnectionState): boolean {
    return this.current.state === state;
  }

  private moveTo(to: ConnectionState, change: StateChange): void {
    const from = this.current.state;
    if (!canTransition(from, to)) {
      this.log('system.error', `Internal error: refused the state change ${from} → ${to}`, { from, to });
      return;
    }
    const at = Date.now();
    const reason = change.reason ?? change.text;
    const closeCode = change.closeCode ?? null;
    this.current = { ...this.current, state: to, since: at, reason, closeCode, retryAt: change.retryAt ?? null };
    this.emitter.emit('state', this.status, { from, to });
    this.log(change.type, change.text, { ...change.detail, from, to, reason, closeCode }, at);
  }

  private log(type: string, summary: string, detail: Record<string, unknown>, at = Date.now()): void {
    this.emitter.emit('lifecycle', { type, summary, detail, at });
  }

  private reportListenerError(event: keyof ConnectionEvents, error: unknown): void {
    // A failing lifecycle listener cannot be told about itself without looping.
    if (event === 'lifecycle') return;
    this.log('system.error', `A '${event}' listener failed: ${describeError(error)}`, { event });
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.log('system.error', `Internal error: ${describeError(error)}`, {});
    }
  }

  private runTask(task: () => Promise<void>): void {
    task().catch((error: unknown) => this.log('system.error', `Internal error: ${describeError(error)}`, {}));
  }
}
