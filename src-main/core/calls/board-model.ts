import type { BoardCall, BoardDiff, BoardSettings, BoardSnapshot, MonitorEvent, ProviderId } from '../api';
import { applyAgentFact, copyAgent, createAgent, agentKey, type AgentRecord } from './agent-record';
import { applyCallFact, callKey, createCall, startsCall, toBoardCall, type CallRecord } from './call-record';
import { countBoard } from './counters';
import type { AgentFact, CallFact } from './facts';
import { LegLinks } from './leg-links';
import { readFact } from './read-fact';

export interface BoardModelOptions extends Partial<BoardSettings> {
  /** A stale call is dropped after this long without an event, so a provider that never sends hangups cannot fill memory. */
  forgetStaleAfterMs?: number;
  /** At most this many ended calls are kept (the newest), so thousands of calls a second stay bounded. */
  maxEndedKept?: number;
}

/** A snapshot carries the newest ended calls only: a list longer than this is not read by anyone. */
export const MAX_ENDED_IN_SNAPSHOT = 300;

export const DEFAULT_BOARD_SETTINGS: BoardSettings = { staleAfterMs: 10 * 60_000, endedWindowMs: 15 * 60_000 };
const DEFAULT_FORGET_STALE_AFTER_MS = 60 * 60_000;

export interface CallLegs {
  provider: ProviderId;
  callIds: string[];
}

/**
 * The supervisor board: live calls, waiting callers, recent endings and agents, derived from
 * stored events of any provider. It only ever moves forward from events and the clock given to
 * `sweep`, and records what changed so the UI gets diffs rather than the whole board.
 */
export class BoardModel {
  readonly settings: BoardSettings;
  private readonly forgetStaleAfterMs: number;
  private readonly maxEndedKept: number;
  private readonly calls = new Map<string, CallRecord>();
  private readonly agents = new Map<string, AgentRecord>();
  private readonly links = new LegLinks();
  private readonly changedCalls = new Set<string>();
  private readonly removedCalls = new Set<string>();
  private readonly changedAgents = new Set<string>();
  private readonly removedAgents = new Set<string>();
  private version = 0;
  private seq = 0;
  private seqAtLastDiff = 0;

  constructor(options: BoardModelOptions = {}) {
    this.settings = {
      staleAfterMs: options.staleAfterMs ?? DEFAULT_BOARD_SETTINGS.staleAfterMs,
      endedWindowMs: options.endedWindowMs ?? DEFAULT_BOARD_SETTINGS.endedWindowMs,
    };
    this.maxEndedKept = Math.max(MAX_ENDED_IN_SNAPSHOT, options.maxEndedKept ?? 20_000);
    this.forgetStaleAfterMs = Math.max(this.settings.staleAfterMs, options.forgetStaleAfterMs ?? DEFAULT_FORGET_STALE_AFTER_MS);
  }

  /** The last stored event taken in. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Events up to `seq` have been considered, also those a rebuild skipped as irrelevant to the board. */
  considerSeenUpTo(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }

  apply(event: MonitorEvent): void {
    this.seq = Math.max(this.seq, event.seq);
    const fact = readFact(event);
    if (fact === null) return;
    if (fact.type === 'call') this.applyCall(event, fact);
    else this.applyAgent(event, fact);
  }

  /** Marks calls quiet for too long as stale, and drops ended and long-stale calls. `now` is the local clock. */
  sweep(now: number): void {
    for (const call of this.calls.values()) {
      const quietFor = now - call.lastEventReceivedAt;
      if (call.phase === 'ended') {
        if (now - (call.endedReceivedAt ?? call.lastEventReceivedAt) > this.settings.endedWindowMs) this.remove(call.key);
      } else if (quietFor > this.forgetStaleAfterMs) {
        this.remove(call.key);
      } else if (call.phase === 'live' && quietFor > this.settings.staleAfterMs) {
        call.phase = 'stale';
        this.changedCalls.add(call.key);
      }
    }
    this.dropOldestEnded(this.maxEndedKept);
  }

  snapshot(): BoardSnapshot {
    return {
      version: this.version,
      seq: this.seq,
      settings: this.settings,
      calls: [
        ...[...this.calls.values()].filter((call) => call.phase !== 'ended'),
        ...this.newestEnded(MAX_ENDED_IN_SNAPSHOT),
      ].map((call) => this.shown(call)),
      agents: [...this.agents.values()].map(copyAgent),
      counters: countBoard(this.calls.values(), this.agents.values()),
    };
  }

  /** Starts the next diff from here: what changed so far is already in every snapshot taken from now on. */
  forgetChanges(): void {
    this.changedCalls.clear();
    this.removedCalls.clear();
    this.changedAgents.clear();
    this.removedAgents.clear();
    this.seqAtLastDiff = this.seq;
  }

  /** What changed since the last diff, or null when nothing did. */
  takeDiff(): BoardDiff | null {
    const nothing =
      this.changedCalls.size + this.removedCalls.size + this.changedAgents.size + this.removedAgents.size === 0 &&
      this.seq === this.seqAtLastDiff;
    if (nothing) return null;
    const diff: BoardDiff = {
      version: ++this.version,
      seq: this.seq,
      upsertedCalls: [...this.changedCalls].flatMap((key) => {
        const call = this.calls.get(key);
        return call === undefined ? [] : [this.shown(call)];
      }),
      removedCallKeys: [...this.removedCalls],
      upsertedAgents: [...this.changedAgents].flatMap((key) => {
        const agent = this.agents.get(key);
        return agent === undefined ? [] : [copyAgent(agent)];
      }),
      removedAgentKeys: [...this.removedAgents],
      counters: countBoard(this.calls.values(), this.agents.values()),
    };
    this.forgetChanges();
    return diff;
  }

  /** The legs to show in a call's timeline: the call and every leg linked to it. */
  legsOf(key: string): CallLegs | null {
    const call = this.calls.get(key);
    if (call === undefined) return null;
    return { provider: call.provider, callIds: this.legIds(call) };
  }

  private applyCall(event: MonitorEvent, fact: CallFact): void {
    const key = callKey(event.provider, fact.callId);
    let call = this.calls.get(key);
    if (call === undefined) {
      if (!startsCall(fact)) return;
      call = createCall(event, fact);
      this.calls.set(key, call);
      this.removedCalls.delete(key);
    }
    applyCallFact(call, fact, event);
    this.changedCalls.add(key);
    for (const linkedId of fact.linkedCallIds) {
      if (!this.links.link(key, callKey(event.provider, linkedId))) continue;
      // Every leg of the joined group now has more legs to show.
      for (const leg of this.links.legs(key)) if (this.calls.has(leg)) this.changedCalls.add(leg);
    }
  }

  private applyAgent(event: MonitorEvent, fact: AgentFact): void {
    const key = agentKey(event, fact);
    const agent = this.agents.get(key);
    if (fact.removed) {
      if (agent === undefined) return;
      this.agents.delete(key);
      this.changedAgents.delete(key);
      this.removedAgents.add(key);
      return;
    }
    if (agent === undefined) {
      const created = createAgent(event, fact);
      if (created === null) return;
      this.agents.set(key, created);
      this.removedAgents.delete(key);
      this.changedAgents.add(key);
      return;
    }
    if (applyAgentFact(agent, fact, event)) this.changedAgents.add(key);
  }

  private endedNewestFirst(): CallRecord[] {
    return [...this.calls.values()]
      .filter((call) => call.phase === 'ended')
      .sort((a, b) => (b.endedReceivedAt ?? 0) - (a.endedReceivedAt ?? 0));
  }

  private newestEnded(count: number): CallRecord[] {
    return this.endedNewestFirst().slice(0, count);
  }

  private dropOldestEnded(keep: number): void {
    let ended = 0;
    for (const call of this.calls.values()) if (call.phase === 'ended') ended += 1;
    if (ended <= keep) return;
    for (const call of this.endedNewestFirst().slice(keep)) this.remove(call.key);
  }

  private remove(key: string): void {
    this.calls.delete(key);
    this.changedCalls.delete(key);
    this.removedCalls.add(key);
    this.links.forgetUnless(key, (leg) => this.calls.has(leg));
  }

  private shown(call: CallRecord): BoardCall {
    return toBoardCall(call, this.legIds(call));
  }

  private legIds(call: CallRecord): string[] {
    const prefix = `${call.provider}:`;
    return this.links.legs(call.key).map((leg) => leg.slice(prefix.length));
  }
}
