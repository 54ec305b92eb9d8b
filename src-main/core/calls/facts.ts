import type { BoardAgentStatus, BoardCallOutcome, BoardCallState, BoardParty } from '../api';

/**
 * What one event says about a call or an agent, in provider-neutral words. Each provider's
 * reader (one file each) turns its events into these; the board model knows no provider.
 */

export type CallStep =
  /** The call is in this state now. */
  | { kind: 'state'; state: BoardCallState }
  /** One target let it ring out; the call itself may go on (back to the queue, to voicemail). */
  | { kind: 'missed' }
  /** The call is over. `outcome` when the provider says how; otherwise it is read from the call's history. */
  | { kind: 'ended'; outcome: BoardCallOutcome | null }
  /** The caller left the queue unanswered; the call may still run (voicemail, another flow step). */
  | { kind: 'left_queue' }
  /** Post-call facts that may come long after hangup (recording, transcription, csat, recap). */
  | { kind: 'after_call'; label: string }
  /** Evidence that changes nothing on the board (admin states, the leg being destroyed). */
  | { kind: 'note' };

export interface CallFact {
  type: 'call';
  callId: string;
  step: CallStep;
  /** The provider word behind the step, e.g. `progressing`. */
  providerState: string;
  /** When it happened: the provider's time when the event carries one. */
  at: number;
  direction?: 'inbound' | 'outbound';
  externalNumber?: string;
  contactName?: string;
  /** Undefined: the event does not say; null: it says nobody (e.g. queued, no agent). */
  agent?: BoardParty | null;
  queue?: BoardParty;
  startedAt?: number;
  /** Other legs this event names as related (master, entry point, parent, chained). */
  linkedCallIds: string[];
  transferred?: boolean;
}

export interface AgentFact {
  type: 'agent';
  agentId: string;
  name: string | null;
  /** Null for an event that names the agent but carries no status (created, renamed). */
  status: BoardAgentStatus | null;
  providerStatus: string;
  reason: string | null;
  at: number;
  removed: boolean;
}

export type BoardFact = CallFact | AgentFact;

/** A party from optional id and name; null when neither is known. */
export function party(id: string | null, name: string | null): BoardParty | null {
  return id === null && name === null ? null : { id, name };
}
