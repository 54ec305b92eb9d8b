import WebSocket from 'ws';
import type { RawData } from 'ws';
import type { RawFrame } from '../providers/frame';
import { SocketClosedError } from './errors';
import { HandshakeChannel } from './handshake-channel';
import { Heartbeat } from './heartbeat';
import type { SocketEnd } from './socket-end';
import type { HandshakeContext, SocketTarget, TargetReason } from './types';

/** `opening` until the upgrade succeeds; `handshaking` while frames go to the handshake; then `live`. */
export type SessionPhase = 'opening' | 'handshaking' | 'live';

export interface SocketSessionOptions {
  maxPayloadBytes: number;
  openTimeoutMs: number;
  heartbeatIntervalMs: number;
}

export interface SocketSessionHandlers {
  onOpen(): void;
  onFrame(frame: RawFrame): void;
  onEnd(end: SocketEnd): void;
}

/** After asking the server to close, how long to wait for its answer before cutting the socket. */
const CLOSE_GRACE_MS = 2_000;

/** One ws client socket with its heartbeat, reduced to open / frame / end (exactly once). */
export class SocketSession {
  readonly ended: Promise<SocketEnd>;
  private phaseValue: SessionPhase = 'opening';
  private endValue: SocketEnd | null = null;
  private handlers: SocketSessionHandlers | null;
  private readonly socket: WebSocket;
  private readonly heartbeat: Heartbeat;
  private readonly channel = new HandshakeChannel();
  private resolveEnded: (end: SocketEnd) => void = () => {};
  private httpStatus: number | null = null;
  private firstError: Error | null = null;
  private heartbeatTimedOut = false;
  private closeGraceTimer: NodeJS.Timeout | null = null;

  /** Throws when ws rejects the address itself (malformed URL, unsupported scheme). */
  constructor(
    readonly id: number,
    readonly target: SocketTarget,
    options: SocketSessionOptions,
    handlers: SocketSessionHandlers,
  ) {
    this.handlers = handlers;
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
    this.heartbeat = new Heartbeat({
      intervalMs: options.heartbeatIntervalMs,
      sendPing: () => this.ping(),
      onTimeout: () => {
        this.heartbeatTimedOut = true;
        this.socket.terminate();
      },
    });
    this.socket = new WebSocket(target.url, target.protocols ?? [], {
      headers: target.headers,
      // Invalid UTF-8 must reach the decoder, which stores it as malformed, not kill the socket.
      skipUTF8Validation: true,
      maxPayload: options.maxPayloadBytes,
      handshakeTimeout: options.openTimeoutMs,
    });
    this.socket.on('open', () => this.onOpen());
    this.socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    this.socket.on('pong', () => this.heartbeat.pongReceived());
    this.socket.on('unexpected-response', (_request, response) => {
      this.httpStatus = response.statusCode ?? null;
      response.resume();
      this.socket.terminate();
    });
    this.socket.on('error', (error) => {
      this.firstError ??= error;
    });
    this.socket.on('close', (code, reason) => this.onClose(code, reason.toString()));
  }

  get phase(): SessionPhase {
    return this.phaseValue;
  }

  /** How it ended, once it has. */
  get end(): SocketEnd | null {
    return this.endValue;
  }

  handshakeContext(reason: TargetReason): HandshakeContext {
    return {
      reason,
      send: (text) => this.sendText(text),
      nextFrame: (timeoutMs) => this.channel.next(timeoutMs),
    };
  }

  /** From now on frames go to onFrame; returns those that arrived before and were not read. */
  goLive(): RawFrame[] {
    this.phaseValue = 'live';
    return this.channel.end(new Error('The handshake is over: frames are now delivered as events'));
  }

  /** Ping now and cut the socket unless a pong comes back within `windowMs`. */
  probe(windowMs: number): void {
    this.heartbeat.probe(windowMs);
  }

  close(code: number, reason: string): void {
    if (this.endValue) return;
    this.socket.close(code, reason);
    this.closeGraceTimer ??= setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS);
  }

  /**
   * Stops reading the socket (the kernel's buffers fill and the server is slowed by TCP itself)
   * or starts again. Frames already read may still arrive while paused.
   */
  setReading(reading: boolean): void {
    if (reading) this.socket.resume();
    else this.socket.pause();
  }

  /** The owner has already decided what this socket's end means: stop reporting to it. */
  detach(): void {
    this.handlers = null;
  }

  private sendText(text: string): void {
    if (this.endValue) throw new SocketClosedError(this.endValue.code, this.endValue.reason);
    if (this.socket.readyState !== WebSocket.OPEN) throw new Error('The socket is not open');
    this.socket.send(text);
  }

  private ping(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
  }

  private onOpen(): void {
    this.phaseValue = 'handshaking';
    this.heartbeat.start();
    this.handlers?.onOpen();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const frame: RawFrame = { data: toBuffer(data), isBinary, receivedAt: Date.now() };
    if (this.phaseValue === 'live') this.handlers?.onFrame(frame);
    else this.channel.push(frame);
  }

  private onClose(code: number, reason: string): void {
    this.heartbeat.stop();
    if (this.closeGraceTimer) clearTimeout(this.closeGraceTimer);
    const end: SocketEnd = {
      code,
      reason,
      opened: this.phaseValue !== 'opening',
      httpStatus: this.httpStatus,
      error: this.firstError,
      heartbeatTimedOut: this.heartbeatTimedOut,
    };
    this.endValue = end;
    this.channel.end(new SocketClosedError(code, reason));
    this.handlers?.onEnd(end);
    this.resolveEnded(end);
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
