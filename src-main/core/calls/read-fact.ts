import type { MonitorEvent } from '../api';
import { readDialpadFact } from './dialpad-facts';
import type { BoardFact } from './facts';
import { readOpentactFact } from './opentact-facts';
import { readVoipbinFact } from './voipbin-facts';

/** The topics whose events can change the board: a rebuild from the store reads only these. */
export const BOARD_TOPICS = ['call', 'agent_status', 'queuecall', 'agent', 'recording', 'call_state', 'call_flow', 'call_record'];

/** What an event means for the board, or null when it means nothing (SMS, system entries, raw sockets). */
export function readFact(event: MonitorEvent): BoardFact | null {
  switch (event.provider) {
    case 'dialpad':
      return readDialpadFact(event);
    case 'voipbin':
      return readVoipbinFact(event);
    case 'opentact':
      return readOpentactFact(event);
    default:
      return null;
  }
}
