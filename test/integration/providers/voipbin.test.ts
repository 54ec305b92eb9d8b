import { afterEach, describe, expect, it } from 'vitest';
import type { VoipbinProfile } from '../../../src-main/core/api';
import { SUBSCRIBE_REJECTED_TEXT, voipbinAdapter } from '../../../src-main/core/providers/voipbin-adapter';
import { checkVoipbinTopics } from '../../../src-main/core/providers/voipbin-topics';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';
import { adapterDeps, providerEvents, runSource, sleep, waitFor, type RunningSource } from './helpers';

let simulator: Simulator | null = null;
const running: RunningSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
  await simulator?.close();
  simulator = null;
});

async function start(): Promise<Simulator> {
  simulator = await startSimulator({ rate: 300, seed: 5 });
  return simulator;
}

function profile(sim: Simulator, fields: Partial<VoipbinProfile> = {}): VoipbinProfile {
  return {
    id: 'vb1',
    name: 'VoIPBin test',
    provider: 'voipbin',
    baseUrl: sim.baseUrl,
    credential: 'login',
    username: sim.demo.voipbinUsername,
    topics: [`customer_id:${sim.demo.voipbinCustomerId}:call`],
    ...fields,
  };
}

async function connect(sim: Simulator, fields: Partial<VoipbinProfile> = {}): Promise<RunningSource> {
  const deps = adapterDeps();
  await deps.secrets.set('vb1', 'password', sim.demo.voipbinPassword);
  await deps.secrets.set('vb1', 'accessKey', sim.demo.voipbinAccessKey);
  const source = runSource(voipbinAdapter.createSource(profile(sim, fields), deps));
  running.push(source);
  return source;
}

describe('VoIPBin adapter', () => {
  it('logs in, subscribes, and stores each doubly delivered event once', async () => {
    const sim = await start();
    const source = await connect(sim);
    await waitFor(() => providerEvents(source).length >= 20, 'call events');
    expect(providerEvents(source).every((event) => event.type.startsWith('call.'))).toBe(true);
    // The server publishes every event under two topics: our prefix receives both copies.
    expect(source.ingest.duplicatesDropped).toBeGreaterThan(0);
    const raws = providerEvents(source).map((event) => event.raw);
    expect(new Set(raws).size).toBe(raws.length);
  });

  it('resubscribes after a forced drop', async () => {
    const sim = await start();
    const source = await connect(sim, { credential: 'accessKey', username: null });
    await waitFor(() => providerEvents(source).length >= 5, 'first events');
    // Past the window in which a drop means "subscribe refused".
    await sleep(2_200);
    expect(sim.faults.dropSockets('voipbin')).toBe(1);
    await waitFor(() => source.connection.status.reconnects === 1 && source.connection.status.state === 'live', 'the reconnect');
    const countAfterReconnect = providerEvents(source).length;
    await waitFor(() => providerEvents(source).length >= countAfterReconnect + 5, 'events after resubscribing');
    expect(source.lifecycle.some((entry) => entry.type === 'system.subscribe_rejected')).toBe(false);
  });

  it('reports a topic the server refuses as a drop right after subscribe', async () => {
    const sim = await start();
    const agentTopic = `agent_id:${sim.demo.voipbinCustomerId}`;
    const source = await connect(sim, { credential: 'accessKey', username: null, topics: [agentTopic] });
    await waitFor(() => source.lifecycle.some((entry) => entry.type === 'system.subscribe_rejected'), 'the subscribe rejection');
    const entry = source.lifecycle.find((candidate) => candidate.type === 'system.subscribe_rejected');
    expect(entry?.summary).toContain(SUBSCRIBE_REJECTED_TEXT);
    expect(source.connection.status.state).not.toBe('failed');
  });

  it('fails on a bad login (HTTP 400) instead of retrying blindly', async () => {
    const sim = await start();
    const deps = adapterDeps();
    await deps.secrets.set('vb1', 'password', 'not-the-password');
    const source = runSource(voipbinAdapter.createSource(profile(sim), deps));
    running.push(source);
    await waitFor(() => source.connection.status.state === 'failed', 'failed');
    expect(source.connection.status.reason).toMatch(/VoIPBin refused the username or password \(HTTP 400\)/);
  });

  it('warns about the * wildcard (offering the stripped topic), malformed topics and agent topics with an access key', () => {
    const customer = '5e4a0680-804e-11ec-8477-2fea5669e2a2';
    const warnings = checkVoipbinTopics([`customer_id:${customer}:call:*`, 'calls', `agent_id:${customer}:call`, `customer_id:${customer}:queue`], 'accessKey');
    expect(warnings.map((warning) => [warning.problem, warning.suggestion])).toEqual([
      ['wildcard', `customer_id:${customer}:call`],
      ['malformed', null],
      ['agent_topic_with_access_key', null],
    ]);
    expect(checkVoipbinTopics([`agent_id:${customer}`], 'login')).toEqual([]);
  });
});
