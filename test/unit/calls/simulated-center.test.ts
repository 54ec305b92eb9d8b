import { describe, expect, it } from 'vitest';
import type { BoardCallState, BoardSnapshot } from '../../../src-main/core/api';
import { BoardModel } from '../../../src-main/core/calls/board-model';
import type { BusinessEvent, GroundTruth } from '../../../src-main/core/simulator/business-events';
import { ContactCenter } from '../../../src-main/core/simulator/contact-center';
import { dialpadPayload } from '../../../src-main/core/simulator/dialpad-format';
import { voipbinPublications } from '../../../src-main/core/simulator/voipbin-format';
import { ProviderEvents, T0 } from './provider-events';

/*
 * The board against the simulator's own model: every business event rendered in a provider's
 * format, decoded as the app decodes it, then the board's numbers compared with the ground truth
 * at many moments. No sockets and no clock: exact equality is expected.
 */

type Render = (event: BusinessEvent) => unknown[];

function runCenter(seed: number, rate: number, seconds: number, render: Render, provider: 'dialpad' | 'voipbin', check: (board: BoardSnapshot, truth: GroundTruth) => void): number {
  const center = new ContactCenter({ seed, rate, startTime: T0 });
  const board = new BoardModel();
  const events = new ProviderEvents(provider);
  let checks = 0;
  for (let time = T0 + 500; time <= T0 + seconds * 1000; time += 500) {
    for (const event of center.advanceTo(time)) for (const frame of render(event)) board.apply(events.frame(frame, event.at));
    board.sweep(time);
    if ((time - T0) % 15_000 === 0) {
      check(board.snapshot(), center.groundTruth());
      checks += 1;
    }
  }
  return checks;
}

function liveStates(board: BoardSnapshot): Map<string, BoardCallState> {
  return new Map(board.calls.filter((call) => call.phase === 'live').map((call) => [call.callId, call.state]));
}

describe('board model against the simulated contact center', () => {
  it('Dialpad: the same calls in the same states, the same queue and the same agent statuses', () => {
    const checks = runCenter(5, 40, 600, (event) => [dialpadPayload(event)], 'dialpad', (board, truth) => {
      const { byState, waiting, longestWaitSince, stale } = board.counters;
      expect({ ...byState, flow: undefined }).toEqual({ ...truth.callsByState, flow: undefined });
      expect(byState.flow).toBe(0);
      expect(stale).toBe(0);
      expect(liveStates(board)).toEqual(new Map(truth.liveCalls.map((call) => [call.id, call.state])));
      for (const call of truth.liveCalls) {
        expect(board.calls.find((shown) => shown.callId === call.id)?.agent?.id ?? null).toBe(call.agentId);
      }
      expect(waiting).toBe(truth.waiting.length);
      expect(longestWaitSince).toBe(truth.waiting[0]?.queuedAt ?? null);

      // The staff at work when the simulation starts sends no event until its first change: the
      // board cannot know those agents before that.
      const shownAgents = new Map(board.agents.map((agent) => [agent.agentId, agent]));
      for (const agent of truth.agents) {
        const shown = shownAgents.get(agent.id);
        if (shown === undefined) {
          expect(agent.since).toBe(T0);
          continue;
        }
        expect({ status: shown.status, since: shown.since }).toEqual({ status: agent.status, since: agent.since });
      }
    });
    expect(checks).toBe(40);
  });

  it('VoIPBin (wrapped frames): the calls it can tell apart — holds look connected, voicemail is the flow', () => {
    const customerId = '5e4a0680-804e-11ec-8477-2fea5968d85b';
    const render: Render = (event) => voipbinPublications(customerId, event).map((publication) => ({ type: publication.eventType, data: publication.data }));
    runCenter(9, 40, 300, render, 'voipbin', (board, truth) => {
      const { byState } = board.counters;
      const expected = truth.callsByState;
      expect(byState).toEqual({
        calling: expected.calling,
        ringing: expected.ringing,
        queued: expected.queued,
        connected: expected.connected + expected.hold,
        hold: 0,
        voicemail: 0,
        flow: expected.voicemail,
      });
      expect(board.counters.waiting).toBe(truth.waiting.length);
      expect(board.counters.live).toBe(truth.liveCalls.length);
    });
  });
});
