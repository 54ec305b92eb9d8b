import { BOARD_AGENT_STATUSES, type BoardAgent, type BoardAgentStatus } from '../../../../src-main/core/api';

/** One line of the agents panel: a status heading, or an agent under it. */
export type AgentRow = { kind: 'status'; status: BoardAgentStatus; count: number } | { kind: 'agent'; agent: BoardAgent };

/**
 * The agents panel as one flat list, so it can be virtualized like the other panels: each status
 * that has agents, in the board's status order, followed by its agents, longest in status first.
 */
export function agentRows(agents: readonly BoardAgent[]): AgentRow[] {
  const byStatus = new Map<BoardAgentStatus, BoardAgent[]>();
  for (const agent of agents) {
    const group = byStatus.get(agent.status);
    if (group === undefined) byStatus.set(agent.status, [agent]);
    else group.push(agent);
  }
  const rows: AgentRow[] = [];
  for (const status of BOARD_AGENT_STATUSES) {
    const group = byStatus.get(status);
    if (group === undefined) continue;
    group.sort((a, b) => a.since - b.since);
    rows.push({ kind: 'status', status, count: group.length });
    for (const agent of group) rows.push({ kind: 'agent', agent });
  }
  return rows;
}
