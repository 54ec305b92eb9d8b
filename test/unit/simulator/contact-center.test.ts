import { describe, expect, it } from 'vitest';
import type { BusinessEvent, CallState } from '../../../src-main/core/simulator/business-events';
import { ContactCenter } from '../../../src-main/core/simulator/contact-center';

const START = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Runs a model for `seconds` of simulated time in `stepMs` slices. */
function run(seed: number, rate: number, seconds: number, stepMs = 250): { model: ContactCenter; events: BusinessEvent[] } {
  const model = new ContactCenter({ seed, rate, startTime: START });
  const events: BusinessEvent[] = [];
  for (let time = START + stepMs; time <= START + seconds * 1000; time += stepMs) events.push(...model.advanceTo(time));
  return { model, events };
}

describe('contact center model', () => {
  it('replays exactly the same events for the same seed, however time is sliced', () => {
    const a = run(7, 8, 300, 100).events;
    const b = run(7, 8, 300, 1_000).events;
    expect(a.length).toBeGreaterThan(500);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('differs with another seed', () => {
    expect(JSON.stringify(run(8, 8, 60).events)).not.toBe(JSON.stringify(run(7, 8, 60).events));
  });

  it('has about twelve agents, three queues and 64-bit-looking ids', () => {
    const { model } = run(1, 8, 1);
    const truth = model.groundTruth();
    expect(truth.agents.length).toBe(12);
    expect(truth.queues.length).toBe(3);
    for (const agent of model.agents) {
      expect(agent.id).toMatch(/^[1-9]\d{15}$/);
      expect(agent.email).toMatch(/^[a-z0-9.]+@switchboard\.example$/);
    }
  });

  it.each([1, 8, 100, 2_000])('roughly honours a rate of %d events/s', (rate) => {
    const seconds = rate >= 1_000 ? 20 : rate >= 100 ? 120 : 1_200;
    const { events } = run(3, rate, seconds + 60);
    // Skip the first minute: the center starts empty.
    const measured = events.filter((event) => event.at > START + 60_000).length / seconds;
    expect(measured).toBeGreaterThan(rate * 0.6);
    expect(measured).toBeLessThan(rate * 1.4);
  });

  it('keeps every call lifecycle valid: one hangup, live states before it, only late states after', () => {
    const { events } = run(11, 40, 900);
    const byCall = new Map<string, CallState[]>();
    for (const event of events) {
      if (event.kind !== 'call') continue;
      const states = byCall.get(event.call.id) ?? [];
      states.push(event.call.state);
      byCall.set(event.call.id, states);
    }
    const live = new Set<CallState>(['calling', 'ringing', 'queued', 'connected', 'hold', 'missed', 'voicemail']);
    const late = new Set<CallState>(['postcall', 'recording', 'transcription', 'voicemail_uploaded']);
    let ended = 0;
    for (const states of byCall.values()) {
      const hangup = states.indexOf('hangup');
      expect(states.lastIndexOf('hangup')).toBe(hangup);
      if (hangup === -1) {
        expect(states.every((state) => live.has(state))).toBe(true);
        continue;
      }
      ended++;
      expect(states.slice(0, hangup).every((state) => live.has(state))).toBe(true);
      expect(states.slice(hangup + 1).every((state) => late.has(state))).toBe(true);
      expect(['ringing', 'calling']).toContain(states[0]);
    }
    expect(ended).toBeGreaterThan(100);
    const all = events.flatMap((event) => (event.kind === 'call' ? [event.call] : []));
    expect(all.some((call) => call.state === 'hold')).toBe(true);
    expect(all.some((call) => call.state === 'queued')).toBe(true);
    expect(all.some((call) => call.outcome === 'abandoned' || call.outcome === 'voicemail')).toBe(true);
    // A transfer leg that is not linked to anything: clients must tolerate orphans.
    expect(all.some((call) => call.isTransferred && call.masterId === null && call.entryPointId === null)).toBe(true);
    expect(events.some((event) => event.kind === 'sms' && event.sms.direction === 'inbound')).toBe(true);
    expect(events.some((event) => event.kind === 'sms' && event.sms.direction === 'outbound')).toBe(true);
  });

  it('ground truth agrees with the events: statuses, live calls and waiting calls', () => {
    const model = new ContactCenter({ seed: 5, rate: 30, startTime: START });
    const agentStatus = new Map(model.groundTruth().agents.map((agent) => [agent.id, agent.status as string]));
    const liveState = new Map<string, CallState>();
    for (let time = START; time < START + 600_000; time += 500) {
      for (const event of model.advanceTo(time)) {
        if (event.kind === 'agent_status') {
          expect(agentStatus.get(event.agent.id)).toBe(event.previous);
          agentStatus.set(event.agent.id, event.status);
        } else if (event.kind === 'call') {
          if (['hangup', 'postcall', 'recording', 'transcription', 'voicemail_uploaded'].includes(event.call.state)) liveState.delete(event.call.id);
          else if (event.call.state !== 'missed') liveState.set(event.call.id, event.call.state);
        }
      }
    }
    const truth = model.groundTruth();
    expect(new Map(truth.agents.map((agent) => [agent.id, agent.status as string]))).toEqual(agentStatus);
    expect(new Map(truth.liveCalls.map((call) => [call.id, call.state]))).toEqual(liveState);
    expect(truth.waiting.map((waiting) => waiting.callId).sort()).toEqual(
      [...liveState].filter(([, state]) => state === 'queued').map(([id]) => id).sort(),
    );
    expect(Object.values(truth.agentsByStatus).reduce((a, b) => a + b, 0)).toBe(truth.agents.length);
    expect(Object.values(truth.callsByState).reduce((a, b) => a + b, 0)).toBe(truth.liveCalls.length);
  });

  it('stops early at maxEvents and resumes where it stopped', () => {
    const model = new ContactCenter({ seed: 9, rate: 1_000, startTime: START });
    const first = model.advanceTo(START + 10_000, 100);
    expect(first.length).toBeGreaterThanOrEqual(100);
    expect(first.length).toBeLessThan(120);
    const rest = model.advanceTo(START + 10_000);
    const reference = new ContactCenter({ seed: 9, rate: 1_000, startTime: START }).advanceTo(START + 10_000);
    expect(reference.length).toBeGreaterThan(5_000);
    expect([...first, ...rest].map((event) => event.seq)).toEqual(reference.map((event) => event.seq));
  });

  it('grows the staff when the rate grows and keeps high rates to thousands of concurrent calls', () => {
    const model = new ContactCenter({ seed: 2, rate: 8, startTime: START });
    model.setRate(50_000);
    let count = 0;
    for (let time = START; time <= START + 2_000; time += 20) count += model.advanceTo(time).length;
    const truth = model.groundTruth();
    expect(truth.agents.length).toBeGreaterThan(100);
    expect(truth.liveCalls.length).toBeGreaterThan(200);
    expect(truth.liveCalls.length).toBeLessThan(20_000);
    expect(count / 2).toBeGreaterThan(50_000 * 0.5);
  });
});
