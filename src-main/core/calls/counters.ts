import {
  BOARD_AGENT_STATUSES,
  BOARD_CALL_OUTCOMES,
  BOARD_CALL_STATES,
  type BoardAgent,
  type BoardAgentStatus,
  type BoardCallOutcome,
  type BoardCallState,
  type BoardCounters,
} from '../api';
import { outcomeOf, type CallRecord } from './call-record';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** The board's numbers, counted from the calls and agents it holds, so they never drift from the rows. */
export function countBoard(calls: Iterable<CallRecord>, agents: Iterable<BoardAgent>): BoardCounters {
  const byState = zeros<BoardCallState>(BOARD_CALL_STATES);
  const ended = zeros<BoardCallOutcome>(BOARD_CALL_OUTCOMES);
  const agentsByStatus = zeros<BoardAgentStatus>(BOARD_AGENT_STATUSES);
  let live = 0;
  let stale = 0;
  let waiting = 0;
  let longestWaitSince: number | null = null;
  let longestWaitCallKey: string | null = null;
  for (const call of calls) {
    if (call.phase === 'ended') {
      ended[outcomeOf(call)] += 1;
      continue;
    }
    if (call.phase === 'stale') {
      stale += 1;
      continue;
    }
    live += 1;
    byState[call.state] += 1;
    if (call.state !== 'queued') continue;
    waiting += 1;
    const since = call.waitingSince ?? call.stateSince;
    if (longestWaitSince === null || since < longestWaitSince) {
      longestWaitSince = since;
      longestWaitCallKey = call.key;
    }
  }
  for (const agent of agents) agentsByStatus[agent.status] += 1;
  return { byState, live, stale, waiting, longestWaitSince, longestWaitCallKey, ended, agentsByStatus };
}
