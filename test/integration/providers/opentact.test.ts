import { afterEach, describe, expect, it } from 'vitest';
import type { OpentactProfile } from '../../../src-main/core/api';
import { opentactAdapter } from '../../../src-main/core/providers/opentact-adapter';
import { OpentactCredential, OpentactRestClient } from '../../../src-main/core/providers/opentact-rest';
import { startSimulator, type OpentactShape, type Simulator } from '../../../src-main/core/simulator';
import { adapterDeps, providerEvents, runSource, waitFor, type RunningSource } from './helpers';

let simulator: Simulator | null = null;
const running: RunningSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
  await simulator?.close();
  simulator = null;
});

function profile(sim: Simulator, fields: Partial<OpentactProfile> = {}): OpentactProfile {
  return {
    id: 'ot1',
    name: 'Opentact test',
    provider: 'opentact',
    restBase: `${sim.baseUrl}/rest`,
    socketUrl: `ws://127.0.0.1:${sim.port}/wss`,
    credential: 'login',
    email: sim.demo.opentactEmail,
    subscriptionDeletePath: '/event/subscription/{uuid}',
    ...fields,
  };
}

async function setUp(shape: OpentactShape = '2024') {
  const sim = await startSimulator({ rate: 300, seed: 3, opentactShape: shape });
  simulator = sim;
  const deps = adapterDeps();
  await deps.secrets.set('ot1', 'password', sim.demo.opentactPassword);
  const base = profile(sim);
  return { sim, deps, base, rest: new OpentactRestClient(base, new OpentactCredential(base, deps), deps) };
}

describe('Opentact adapter', () => {
  it('creates, lists and deletes event subscriptions over REST', async () => {
    const { rest } = await setUp();
    const created = await rest.createSubscription({ type: 'call_state' });
    expect(created).toMatchObject({ type: 'call_state', channel: 'wss', isActive: true });
    expect((await rest.listSubscriptions()).map((item) => item.uuid)).toContain(created.uuid);
    await rest.deleteSubscription(created.uuid);
    expect(await rest.listSubscriptions()).toEqual([]);
  });

  it.each(['2024', '2022'] as const)('signs in on the socket and decodes %s-shaped frames', async (shape) => {
    const { sim, deps, base, rest } = await setUp(shape);
    await rest.createSubscription({ type: shape === '2024' ? 'call_state' : 'call_flow' });
    const source = runSource(opentactAdapter.createSource({ ...base, socketUrl: `ws://127.0.0.1:${sim.port}/` }, deps));
    running.push(source);
    await waitFor(() => providerEvents(source).length >= 10, 'call events');
    expect(source.states).toContain('handshaking');
    // 2024 frames carry call states (call.ringing); 2022 frames call-flow commands (call_flow.answer).
    const calls = providerEvents(source).filter((event) => /^call(_flow)?\./.test(event.type));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((event) => event.callId !== null)).toBe(true);
    expect(source.stored.some((event) => event.type === 'system.malformed')).toBe(false);
  });

  it('fails when the server refuses the token on the socket', async () => {
    const { deps, base } = await setUp();
    await deps.secrets.set('ot1', 'token', 'not-a-valid-token');
    const source = runSource(opentactAdapter.createSource({ ...base, credential: 'token', email: null }, deps));
    running.push(source);
    await waitFor(() => source.connection.status.state === 'failed', 'failed');
    expect(source.connection.status.reason).toMatch(/Opentact refused the token: Authentication failed/);
  });

  it('fails on a refused email and password without opening a socket', async () => {
    const { sim, deps, base } = await setUp();
    await deps.secrets.set('ot1', 'password', 'wrong');
    const source = runSource(opentactAdapter.createSource(base, deps));
    running.push(source);
    await waitFor(() => source.connection.status.state === 'failed', 'failed');
    expect(source.connection.status.reason).toMatch(/Opentact refused the email or password \(HTTP 401\)/);
    expect(sim.faults.counters().opentact.framesSent).toBe(0);
  });
});
