import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src-main/core/simulator';
import { connect, jsonFrames, sleep, upgradeStatus, waitFor } from './helpers';

let simulator: Simulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  simulator = await startSimulator({ rate: 400, seed: 6, ...options });
  return simulator;
}

async function login(sim: Simulator, username: string, password: string): Promise<Response> {
  return fetch(`${sim.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

async function adminSocketUrl(sim: Simulator): Promise<string> {
  const { token } = (await (await login(sim, sim.demo.voipbinUsername, sim.demo.voipbinPassword)).json()) as { token: string };
  return `ws://127.0.0.1:${sim.port}/v1.0/ws?token=${token}`;
}

describe('VoIPBin', () => {
  it('logs in at /auth/login with a 7-day JWT, and answers a bad login with 400', async () => {
    const sim = await start();
    expect((await login(sim, 'demo-admin', 'wrong')).status).toBe(400);
    const response = await login(sim, sim.demo.voipbinUsername, sim.demo.voipbinPassword);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { username: string; token: string };
    expect(body.username).toBe(sim.demo.voipbinUsername);
    const claims = JSON.parse(Buffer.from(body.token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(7 * 24 * 3600);
  });

  it('refuses the upgrade with 401 for a bad token or access key', async () => {
    const sim = await start();
    expect(await upgradeStatus(`ws://127.0.0.1:${sim.port}/v1.0/ws?token=bad`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=bad`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`)).toBe(101);
  });

  it('delivers each event twice to a prefix subscriber, never replies to subscribe, and ignores the * wildcard', async () => {
    const sim = await start();
    const url = await adminSocketUrl(sim);
    const prefix = connect(url);
    const wildcard = connect(url);
    await Promise.all([prefix.opened, wildcard.opened]);
    prefix.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}:call`] });
    wildcard.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}:call:*`] });
    await waitFor(() => prefix.frames.length >= 20, 10_000);
    await sleep(100);
    expect(wildcard.frames).toEqual([]);
    // Every frame arrives exactly twice in a row: once per topic it is published under.
    const frames = prefix.frames.map((frame) => frame.text);
    for (let i = 0; i + 1 < frames.length - 1; i += 2) expect(frames[i + 1]).toBe(frames[i]);
    expect(new Set(frames).size).toBeLessThan(frames.length);
    const call = jsonFrames(prefix)[0] ?? {};
    expect(call).toMatchObject({ type: 'flow', customer_id: sim.demo.voipbinCustomerId, direction: expect.stringMatching(/^(incoming|outgoing)$/) });
    expect(call['status']).toMatch(/^(dialing|ringing|progressing|terminating|canceling|hangup)$/);
    expect(call['tm_create']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    expect(jsonFrames(prefix).some((f) => f['tm_hangup'] === '9999-01-01 00:00:00.000000')).toBe(true);
    prefix.ws.close();
    wildcard.ws.close();
  });

  it('customer_id:X:queue also matches queuecall topics; messages come as type sms', async () => {
    const sim = await start();
    const client = connect(await adminSocketUrl(sim));
    await client.opened;
    client.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}:queue`, `customer_id:${sim.demo.voipbinCustomerId}:message`] });
    await waitFor(() => jsonFrames(client).some((f) => f['type'] === 'sms') && jsonFrames(client).some((f) => 'queue_id' in f), 10_000);
    const sms = jsonFrames(client).find((f) => f['type'] === 'sms');
    expect(sms).toMatchObject({ text: expect.any(String), direction: expect.stringMatching(/^(inbound|outbound)$/), targets: [expect.objectContaining({ destination: expect.any(Object) })] });
    client.ws.close();
  });

  it.each([
    ['a forbidden topic (another customer)', { type: 'subscribe', topics: ['customer_id:11111111-2222-4333-8444-555555555555:call'] }],
    ['a malformed topic', { type: 'subscribe', topics: ['calls please'] }],
    ['topics that are not a list', { type: 'subscribe', topics: 'customer_id' }],
  ])('drops the socket without a close frame on %s', async (_name, message) => {
    const sim = await start();
    const client = connect(await adminSocketUrl(sim));
    await client.opened;
    client.send(message);
    expect((await client.closed).code).toBe(1006);
  });

  it('drops the socket on any binary frame, but ignores invalid JSON', async () => {
    const sim = await start();
    const url = await adminSocketUrl(sim);
    const tolerant = connect(url);
    await tolerant.opened;
    tolerant.send('{not json');
    tolerant.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}`] });
    await waitFor(() => tolerant.frames.length > 0, 10_000);
    const binary = connect(url);
    await binary.opened;
    binary.ws.send(Buffer.from('{"type":"subscribe","topics":[]}'), { binary: true });
    expect((await binary.closed).code).toBe(1006);
    expect(tolerant.ws.readyState).toBe(WebSocket.OPEN);
    tolerant.ws.close();
  });

  it('lets an agent use only its own agent_id topics, and an access key no agent_id topics', async () => {
    const sim = await start();
    const email = sim.groundTruth().agents[0]?.email ?? '';
    const { token } = (await (await login(sim, email, sim.demo.voipbinPassword)).json()) as { token: string };
    const { agent_id: agentId } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { agent_id: string };
    const url = `ws://127.0.0.1:${sim.port}/v1.0/ws?token=${token}`;
    const own = connect(url);
    await own.opened;
    own.send({ type: 'subscribe', topics: [`agent_id:${agentId}`] });
    await waitFor(() => jsonFrames(own).some((f) => f['id'] === agentId && 'status' in f), 15_000, 'own agent status');
    const overreach = connect(url);
    await overreach.opened;
    overreach.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}`] });
    expect((await overreach.closed).code).toBe(1006);
    const keyClient = connect(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`);
    await keyClient.opened;
    keyClient.send({ type: 'subscribe', topics: [`agent_id:${agentId}`] });
    expect((await keyClient.closed).code).toBe(1006);
    expect(own.ws.readyState).toBe(WebSocket.OPEN);
    own.ws.close();
  });

  it('pings every interval and drops a client that stops answering', async () => {
    const sim = await start({ voipbinPingIntervalMs: 100, voipbinPongTimeoutMs: 350 });
    const url = await adminSocketUrl(sim);
    const healthy = connect(url);
    let pings = 0;
    healthy.ws.on('ping', () => pings++);
    const silent = connect(url, { autoPong: false });
    await Promise.all([healthy.opened, silent.opened]);
    const { code } = await silent.closed;
    expect(code).toBe(1006);
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    healthy.ws.close();
  });

  it('sends the wrapped {type, data} form when switched on', async () => {
    const sim = await start({ voipbinWrapped: true });
    const client = connect(await adminSocketUrl(sim));
    await client.opened;
    client.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}:call`] });
    await waitFor(() => client.frames.length >= 4, 10_000);
    const frame = jsonFrames(client)[0] ?? {};
    expect(Object.keys(frame).sort()).toEqual(['data', 'type']);
    expect(frame['type']).toMatch(/^call_/);
    client.ws.close();
  });
});
