import type { BoardAgent, MonitorEvent } from '../api';
import type { AgentFact } from './facts';

export type AgentRecord = BoardAgent;

export function agentKey(event: MonitorEvent, fact: AgentFact): string {
  return `${event.provider}:${fact.agentId}`;
}

/** An agent is known from the first event that gives a status; events naming no status only fill in a name. */
export function createAgent(event: MonitorEvent, fact: AgentFact): AgentRecord | null {
  if (fact.status === null) return null;
  return {
    key: agentKey(event, fact),
    provider: event.provider,
    agentId: fact.agentId,
    name: fact.name,
    status: fact.status,
    providerStatus: fact.providerStatus,
    reason: fact.reason,
    since: fact.at,
    statusSeq: event.seq,
  };
}

/** Returns whether anything shown changed. A status older than the one shown (reordered) is ignored. */
export function applyAgentFact(agent: AgentRecord, fact: AgentFact, event: MonitorEvent): boolean {
  let changed = false;
  if (fact.name !== null && fact.name !== agent.name) {
    agent.name = fact.name;
    changed = true;
  }
  if (fact.status === null || fact.at < agent.since) return changed;
  if (fact.status === agent.status && fact.providerStatus === agent.providerStatus && fact.reason === agent.reason) return changed;
  if (fact.status !== agent.status || fact.providerStatus !== agent.providerStatus) {
    agent.since = fact.at;
    agent.statusSeq = event.seq;
  }
  agent.status = fact.status;
  agent.providerStatus = fact.providerStatus;
  agent.reason = fact.reason;
  return true;
}

export function copyAgent(agent: AgentRecord): BoardAgent {
  return { ...agent };
}
