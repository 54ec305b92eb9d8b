/** Fault injection: switches the protocol servers consult, and counters they keep. */

export type SimProvider = 'dialpad' | 'voipbin' | 'opentact';
export const SIM_PROVIDERS: readonly SimProvider[] = ['dialpad', 'voipbin', 'opentact'];

export type MalformedKind = 'invalid-utf8' | 'invalid-json' | 'binary' | 'oversized';

export interface ProviderCounters {
  /** Frames written to a live socket (events, duplicates included; malformed test frames excluded). */
  framesSent: number;
  /** Frames not sent because the socket was too slow (like VoIPBin's per-connection buffer). */
  framesDropped: number;
  /** Sockets open right now. */
  openSockets: number;
}

export interface FaultSwitches {
  /** Terminates every socket (of one provider, or all) without a close frame; returns how many. */
  dropSockets(provider?: SimProvider): number;
  /** Half-open: keep TCP up but stop answering pings and stop sending anything. */
  setHalfOpen(provider: SimProvider, on: boolean): void;
  /** Holds every outgoing frame back this long (order kept). 0 turns it off. */
  setFrameDelay(provider: SimProvider, ms: number): void;
  /** Sends one malformed frame on every live socket of the provider; returns how many sockets got it. */
  sendMalformed(provider: SimProvider, kind: MalformedKind): number;
  /** Refuses logins, tokens and socket upgrades of the provider until switched off. */
  setRejectCredentials(provider: SimProvider, on: boolean): void;
  /** Closes every socket (of one provider, or all) the way a token expiry does; returns how many. */
  expireTokens(provider?: SimProvider): number;
  /** Closes everything and listens again on the same port after `downtimeMs`. */
  restart(downtimeMs?: number): Promise<void>;
  counters(): Record<SimProvider, ProviderCounters>;
  /** Turns every switch off (counters are kept). */
  clear(): void;
}

/** The switch state itself, read by the servers on every frame. */
export class FaultState {
  private readonly halfOpen = new Set<SimProvider>();
  private readonly rejecting = new Set<SimProvider>();
  private readonly delays = new Map<SimProvider, number>();

  isHalfOpen(provider: SimProvider): boolean {
    return this.halfOpen.has(provider);
  }

  setHalfOpen(provider: SimProvider, on: boolean): void {
    if (on) this.halfOpen.add(provider);
    else this.halfOpen.delete(provider);
  }

  rejectsCredentials(provider: SimProvider): boolean {
    return this.rejecting.has(provider);
  }

  setRejectCredentials(provider: SimProvider, on: boolean): void {
    if (on) this.rejecting.add(provider);
    else this.rejecting.delete(provider);
  }

  frameDelay(provider: SimProvider): number {
    return this.delays.get(provider) ?? 0;
  }

  setFrameDelay(provider: SimProvider, ms: number): void {
    if (ms > 0) this.delays.set(provider, ms);
    else this.delays.delete(provider);
  }

  clear(): void {
    this.halfOpen.clear();
    this.rejecting.clear();
    this.delays.clear();
  }
}

const OVERSIZED_BYTES = 10 * 1024 * 1024;

/** The bytes of a malformed frame and whether it goes out as a binary frame. */
export function malformedFrame(kind: MalformedKind): { data: Buffer; binary: boolean } {
  switch (kind) {
    case 'invalid-utf8':
      // A text frame whose payload is not UTF-8 (ws validates on receive, so the client must cope).
      return { data: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]), binary: false };
    case 'invalid-json':
      return { data: Buffer.from('{"call_id": 123, "state": "ringing"', 'utf8'), binary: false };
    case 'binary':
      return { data: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xde, 0xad, 0xbe, 0xef]), binary: true };
    case 'oversized':
      return { data: Buffer.from(`{"padding":"${'x'.repeat(OVERSIZED_BYTES)}"}`, 'utf8'), binary: false };
  }
}
