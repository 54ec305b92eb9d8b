import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { DialpadProfile } from '../../../src-main/core/api';
import { dialpadAdapter, dialpadClient } from '../../../src-main/core/providers/dialpad-adapter';
import { ProviderHttpError } from '../../../src-main/core/providers/rest-client';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src-main/core/simulator';
import { adapterDeps, providerEvents, runSource, waitFor, type RunningSource } from './helpers';

let simulator: Simulator | null = null;
const running: RunningSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
  await simulator?.close();
  simulator = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  simulator = await startSimulator({ rate: 300, seed: 11, dialpadRequestsPerSecond: 0, ...options });
  return simulator;
}

function profile(sim: Simulator, fields: Partial<DialpadProfile> = {}): DialpadProfile {
  return {
    id: 'dp1',
    name: 'Dialpad test',
    provider: 'dialpad',
    environment: 'custom',
    customHost: sim.baseUrl,
    credential: 'apiKey',
    oauth: null,
    websocketId: null,
    connectWith: 'websocket',
    subscriptionType: null,
    subscriptionId: null,
    restBase: null,
    ...fields,
  };
}

async function setUp(sim: Simulator, fields: Partial<DialpadProfile> = {}) {
  const deps = adapterDeps();
  await deps.secrets.set('dp1', 'apiKey', sim.demo.dialpadApiKey);
  const base = profile(sim, fields);
  return { deps, base, client: dialpadClient(base, deps) };
}

describe('Dialpad adapter: REST setup', () => {
  it('lists, creates and deletes websockets, and keeps ids as strings', async () => {
    const sim = await start();
    const { client } = await setUp(sim);
    const created = await client.createWebsocket('shh-secret');
    expect(created.id).toMatch(/^\d+$/);
    expect(created.signed).toBe(true);
    expect(created.websocketUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/events\//);
    expect((await client.listWebsockets()).map((ws) => ws.id)).toContain(created.id);
    await client.deleteWebsocket(created.id);
    expect((await client.listWebsockets()).map((ws) => ws.id)).not.toContain(created.id);
  });

  it('creates, lists, updates and deletes subscriptions of each type with their own fields', async () => {
    const sim = await start();
    const { client } = await setUp(sim);
    const websocket = await client.createWebsocket(null);
    const call = await client.createSubscription({ type: 'call', callStates: ['ringing', 'hangup'], groupCallsOnly: true }, websocket.id);
    expect(call).toMatchObject({ type: 'call', enabled: true, websocketId: websocket.id, fields: { call_states: ['ringing', 'hangup'], group_calls_only: true } });
    const sms = await client.createSubscription({ type: 'sms', direction: 'inbound', includeInternal: false }, websocket.id);
    expect(sms.fields).toMatchObject({ direction: 'inbound', include_internal: false });
    const agent = await client.createSubscription({ type: 'agent_status' }, websocket.id);
    expect(agent.fields).toMatchObject({ agent_type: 'callcenter' });
    const contact = await client.createSubscription({ type: 'contact', contactType: 'shared' }, websocket.id);
    expect(contact.fields).toMatchObject({ contact_type: 'shared' });
    const changelog = await client.createSubscription({ type: 'changelog' }, websocket.id);
    expect(changelog.type).toBe('changelog');

    const disabled = await client.updateSubscription(call.id, { type: 'call', enabled: false });
    expect(disabled.enabled).toBe(false);
    expect((await client.listSubscriptions('call')).find((item) => item.id === call.id)?.enabled).toBe(false);
    await client.deleteSubscription('sms', sms.id);
    expect((await client.listSubscriptions('sms')).map((item) => item.id)).not.toContain(sms.id);
  });

  it('turns 401, 404 and 429 into messages a person can act on, never repeating the key', async () => {
    const sim = await start({ dialpadRequestsPerSecond: 2 });
    const deps = adapterDeps();
    await deps.secrets.set('dp1', 'apiKey', 'wrong-key-123456');
    const refused = await dialpadClient(profile(sim), deps).listWebsockets().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProviderHttpError);
    expect((refused as Error).message).toMatch(/^Could not list the Dialpad websockets: Dialpad refused the credentials \(HTTP 401/);
    expect((refused as Error).message).not.toContain('wrong-key-123456');

    const { client } = await setUp(sim);
    const missing = await client.getWebsocket('12345').catch((error: unknown) => error);
    expect((missing as Error).message).toMatch(/Could not get Dialpad websocket 12345: Dialpad found no such resource \(HTTP 404/);

    let limited: unknown = null;
    for (let attempt = 0; attempt < 20 && limited === null; attempt += 1) {
      limited = await client.listWebsockets().then(() => null, (error: unknown) => error);
    }
    expect((limited as ProviderHttpError).status).toBe(429);
    expect((limited as Error).message).toMatch(/limiting the request rate \(HTTP 429.*\): try again/);
  });
});

describe('Dialpad adapter: the live socket', () => {
  it('connects with the websocket token and verifies signed events with the stored JWT secret', async () => {
    const sim = await start();
    const { deps, base, client } = await setUp(sim);
    const websocket = await client.createWebsocket('jwt-signing-secret');
    await deps.secrets.set('dp1', 'jwtSecret', 'jwt-signing-secret');
    await client.createSubscription({ type: 'call', callStates: ['all'] }, websocket.id);
    const source = runSource(dialpadAdapter.createSource({ ...base, websocketId: websocket.id }, deps));
    running.push(source);
    await waitFor(() => providerEvents(source).length >= 10, 'signed call events');
    expect(source.connection.status.state).toBe('live');
    expect(source.connection.status.tokenExpiresAt).toBeGreaterThan(Date.now());
    const events = providerEvents(source);
    expect(events.every((event) => event.type.startsWith('call.') && event.verified === true)).toBe(true);
  });

  it('connects with one subscription token and gets only that subscription', async () => {
    const sim = await start();
    const { deps, base, client } = await setUp(sim);
    const websocket = await client.createWebsocket(null);
    const agents = await client.createSubscription({ type: 'agent_status' }, websocket.id);
    await client.createSubscription({ type: 'call', callStates: ['all'] }, websocket.id);
    const source = runSource(
      dialpadAdapter.createSource({ ...base, websocketId: websocket.id, connectWith: 'subscription', subscriptionType: 'agent_status', subscriptionId: agents.id }, deps),
    );
    running.push(source);
    await waitFor(() => providerEvents(source).length >= 5, 'agent status events');
    expect(providerEvents(source).every((event) => event.type === 'agent.status' && event.verified === null)).toBe(true);
  });

  it('rotates before the short-lived token expires, losing nothing and storing nothing twice', async () => {
    const sim = await start({ tokenLifetimeSec: 3, rate: 200 });
    const { deps, base, client } = await setUp(sim);
    const websocket = await client.createWebsocket(null);
    await client.createSubscription({ type: 'call', callStates: ['all'] }, websocket.id);
    const source = runSource(dialpadAdapter.createSource({ ...base, websocketId: websocket.id }, deps));
    running.push(source);
    await waitFor(() => source.connection.status.state === 'live', 'live');

    // A reference socket open for one whole token lifetime: the rotating connection spans it
    // with at least one renewal, and must have stored every frame the reference saw, once.
    const reference = await referenceFrames((await client.getWebsocket(websocket.id)).websocketUrl);
    await source.ingest.drain();
    expect(source.lifecycle.filter((entry) => entry.type === 'system.rotated').length).toBeGreaterThanOrEqual(1);
    const stored = providerEvents(source).map((event) => event.raw);
    expect(new Set(stored).size).toBe(stored.length);
    expect(reference.length).toBeGreaterThan(50);
    const storedSet = new Set(stored);
    expect(reference.filter((frame) => !storedSet.has(frame))).toEqual([]);
    expect(source.lifecycle.some((entry) => entry.type === 'system.auth_failed' || entry.type === 'system.closed' && !entry.detail['previous'])).toBe(false);
  });

  it('fails (asks for new credentials) when Dialpad refuses the socket token with "invalid key"', async () => {
    const sim = await start();
    const { deps, base, client } = await setUp(sim);
    const websocket = await client.createWebsocket(null);
    sim.faults.setRejectCredentials('dialpad', true);
    // REST still answers for this check: the refusal comes from the socket only.
    const source = runSource(
      dialpadAdapter.createSource({ ...base, websocketId: websocket.id }, { ...deps, fetch: refusingSocketsOnly(sim, websocket.id) }),
    );
    running.push(source);
    await waitFor(() => source.connection.status.state === 'failed', 'failed');
    expect(source.lifecycle.map((entry) => entry.type)).toContain('system.token_refused');
    expect(source.connection.status.reason).toMatch(/Dialpad refused the socket's token \("invalid key"\)/);
  });
});

/** Frames a plain socket receives from open until the server closes it at token expiry. */
async function referenceFrames(url: string): Promise<string[]> {
  const frames: string[] = [];
  const ws = new WebSocket(url);
  ws.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    ws.once('close', () => resolve());
    ws.once('error', reject);
  });
  return frames;
}

/** While credential refusal is switched on, REST answers a fixed, well-formed websocket whose socket the simulator refuses. */
function refusingSocketsOnly(sim: Simulator, websocketId: string): typeof fetch {
  return async () =>
    new Response(JSON.stringify({ id: websocketId, websocket_url: `ws://127.0.0.1:${sim.port}/events/refused-token`, signature: null }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
}
