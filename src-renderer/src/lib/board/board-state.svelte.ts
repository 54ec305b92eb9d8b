import type { BoardAgent, BoardCall, BoardCounters, BoardDiff, BoardSettings, BoardSnapshot } from '../../../../src-main/core/api';
import { api } from '../api';

/** Ended calls the window keeps: at thousands of calls a second the core ends far more than anyone reads. */
const MAX_ENDED_SHOWN = 300;

/**
 * The board as the main process computed it: a snapshot, then the diffs pushed after it. Calls
 * and agents are kept by key; an array handed to the view is rebuilt only when a diff changed
 * what it holds (at most a few times a second), and unchanged rows keep their object, so the
 * lists re-render only the rows in view that a diff touched.
 */
export class BoardState {
  calls = $state.raw<BoardCall[]>([]);
  agents = $state.raw<BoardAgent[]>([]);
  counters = $state.raw<BoardCounters | null>(null);
  settings = $state.raw<BoardSettings | null>(null);
  /** The last stored event the board reflects. */
  seq = $state(0);
  error = $state<string | null>(null);
  private readonly callsByKey = new Map<string, BoardCall>();
  private readonly agentsByKey = new Map<string, BoardAgent>();
  private version = -1;
  private early: BoardDiff[] = [];
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    api.on('boardDiff', (diff) => (this.version < 0 ? this.early.push(diff) : this.apply(diff)));
    api.getBoard().then(
      (snapshot) => this.load(snapshot),
      (error: unknown) => (this.error = error instanceof Error ? error.message : String(error)),
    );
  }

  private load(snapshot: BoardSnapshot): void {
    for (const call of snapshot.calls) this.callsByKey.set(call.key, call);
    for (const agent of snapshot.agents) this.agentsByKey.set(agent.key, agent);
    this.version = snapshot.version;
    this.settings = snapshot.settings;
    this.counters = snapshot.counters;
    this.seq = snapshot.seq;
    // Diffs that left before the snapshot was taken are already in it.
    for (const diff of this.early.splice(0)) if (diff.version > snapshot.version) this.apply(diff);
    this.publishCalls();
    this.publishAgents();
  }

  private apply(diff: BoardDiff): void {
    for (const key of diff.removedCallKeys) this.callsByKey.delete(key);
    for (const call of diff.upsertedCalls) this.callsByKey.set(call.key, call);
    for (const key of diff.removedAgentKeys) this.agentsByKey.delete(key);
    for (const agent of diff.upsertedAgents) this.agentsByKey.set(agent.key, agent);
    this.version = diff.version;
    this.counters = diff.counters;
    this.seq = diff.seq;
    if (diff.removedCallKeys.length > 0 || diff.upsertedCalls.length > 0) this.publishCalls();
    if (diff.removedAgentKeys.length > 0 || diff.upsertedAgents.length > 0) this.publishAgents();
  }

  private publishCalls(): void {
    this.forgetOldestEnded();
    this.calls = [...this.callsByKey.values()];
  }

  private publishAgents(): void {
    this.agents = [...this.agentsByKey.values()];
  }

  private forgetOldestEnded(): void {
    const ended = [...this.callsByKey.values()].filter((call) => call.phase === 'ended');
    if (ended.length <= MAX_ENDED_SHOWN) return;
    ended.sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
    for (const call of ended.slice(MAX_ENDED_SHOWN)) this.callsByKey.delete(call.key);
  }
}

/** One board per window, kept while the user looks at other views, so alerts keep working. */
export const board = new BoardState();
