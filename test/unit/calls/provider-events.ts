import type { MonitorEvent, ProviderId } from '../../../src-main/core/api';
import { createDialpadDecoder } from '../../../src-main/core/providers/dialpad';
import type { DecodedEvent, FrameDecoder } from '../../../src-main/core/providers/frame';
import { createOpentactDecoder } from '../../../src-main/core/providers/opentact';
import { createVoipbinDecoder } from '../../../src-main/core/providers/voipbin';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

const DECODERS: Record<'dialpad' | 'voipbin' | 'opentact', () => FrameDecoder> = {
  dialpad: () => createDialpadDecoder({ jwtSecret: null }),
  voipbin: () => createVoipbinDecoder(),
  opentact: () => createOpentactDecoder(),
};

/**
 * Turns provider frames into stored events through the real decoders, so the board is tested
 * on exactly what the pipeline gives it. Seqs grow in arrival order, as the store assigns them.
 */
export class ProviderEvents {
  private seq = 0;
  private readonly decoder: FrameDecoder;

  constructor(private readonly provider: 'dialpad' | 'voipbin' | 'opentact') {
    this.decoder = DECODERS[provider]();
  }

  /** `receivedAt` defaults to the frame's own time when the test does not care about the local clock. */
  frame(payload: unknown, receivedAt = T0): MonitorEvent {
    const decoded = this.decoder.decode({ data: Buffer.from(JSON.stringify(payload)), isBinary: false, receivedAt });
    if (decoded instanceof Promise) throw new Error('plain frames decode synchronously');
    const [event] = decoded;
    if (decoded.length !== 1 || event === undefined) throw new Error(`expected one event, got ${decoded.length}`);
    return this.stored(event, receivedAt);
  }

  private stored({ dedupeKey: _key, ...event }: DecodedEvent, receivedAt: number): MonitorEvent {
    return { ...event, seq: ++this.seq, connectionId: `${this.provider}:test`, provider: this.provider as ProviderId, receivedAt };
  }
}

export interface DialpadCallInput {
  id: string;
  state: string;
  at: number;
  direction?: 'inbound' | 'outbound';
  master?: string | null;
  entryPoint?: string | null;
  agent?: { id: string; name: string } | null;
  queue?: { id: string; name: string } | null;
  transferred?: boolean;
}

/** A Dialpad call event with the fields the board reads (PROTOCOLS.md > Dialpad > call event fields). */
export function dialpadCall(input: DialpadCallInput): Record<string, unknown> {
  const queue = input.queue === undefined ? { id: 5001, name: 'Support' } : input.queue;
  const agent = input.agent ?? null;
  const target = agent !== null ? { id: Number(agent.id), type: 'user', name: agent.name } : queue !== null ? { id: Number(queue.id), type: 'callcenter', name: queue.name } : {};
  return {
    call_id: Number(input.id),
    master_call_id: input.master === undefined || input.master === null ? null : Number(input.master),
    entry_point_call_id: input.entryPoint === undefined ? Number(input.id) : input.entryPoint === null ? null : Number(input.entryPoint),
    state: input.state,
    direction: input.direction ?? 'inbound',
    date_started: T0,
    event_timestamp: input.at,
    external_number: '+14155550101',
    internal_number: '+14155550199',
    contact: { id: '1', name: 'Ava Patel', phone: '+14155550101' },
    target,
    entry_point_target: queue === null ? {} : { id: Number(queue.id), type: 'callcenter', name: queue.name },
    is_transferred: input.transferred ?? false,
  };
}

export function dialpadAgentStatus(id: string, name: string, status: string, at: number, reason = ''): Record<string, unknown> {
  return {
    availability_status: status === 'available' ? 'available' : 'unavailable',
    on_duty_status: status,
    on_duty_status_reason: reason,
    date: at,
    event_timestamp: at,
    target: { id, type: 'user', name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
  };
}
