import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src-main/core/simulator';
import { connect, jsonFrames, sleep, waitFor, type RecordingClient } from './helpers';

let simulator: Simulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  simulator = await startSimulator({ rate: 400, seed: 8, ...options });
  return simulator;
}

async function token(sim: Simulator): Promise<string> {
  const basic = Buffer.from(`${sim.demo.opentactEmail}:${sim.demo.opentactPassword}`).toString('base64');
  const body = (await (await fetch(`${sim.baseUrl}/rest/auth`, { headers: { authorization: `Basic ${basic}` } })).json()) as { payload: { token: string } };
  return body.payload.token;
}

async function subscribe(sim: Simulator, authToken: string, type: string): Promise<Response> {
  return fetch(`${sim.baseUrl}/rest/event/subscription`, {
    method: 'POST',
    headers: { 'x-auth-token': authToken, 'content-type': 'application/json' },
    body: JSON.stringify({ is_active: true, expired_on: new Date(Date.now() + 86_400_000).toISOString(), channel: 'wss', type }),
  });
}

async function authedSocket(sim: Simulator, authToken: string, path = '/wss'): Promise<RecordingClient> {
  const client = connect(`ws://127.0.0.1:${sim.port}${path}`);
  await client.opened;
  client.send({ type: 'auth', payload: authToken });
  await waitFor(() => client.frames.length > 0, 5_000, 'auth reply');
  return client;
}

describe('Opentact', () => {
  it('issues a token for Basic credentials and refuses bad ones', async () => {
    const sim = await start();
    const bad = await fetch(`${sim.baseUrl}/rest/auth`, { headers: { authorization: `Basic ${Buffer.from('x:y').toString('base64')}` } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ success: false });
    expect(await token(sim)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('creates, lists and deletes event subscriptions with X-Auth-Token', async () => {
    const sim = await start();
    const authToken = await token(sim);
    expect((await fetch(`${sim.baseUrl}/rest/event/subscription`)).status).toBe(401);
    const created = (await (await subscribe(sim, authToken, 'call_state')).json()) as { success: boolean; payload: Record<string, unknown> };
    expect(created).toMatchObject({ success: true, payload: { uuid: expect.any(String), channel: 'wss', type: 'call_state', is_active: true, expired_on: expect.any(String), created_on: expect.any(String) } });
    const list = (await (await fetch(`${sim.baseUrl}/rest/event/subscription`, { headers: { 'x-auth-token': authToken } })).json()) as { payload: unknown[] };
    expect(list.payload).toHaveLength(1);
    const removed = await fetch(`${sim.baseUrl}/rest/event/subscription/${String(created.payload['uuid'])}`, { method: 'DELETE', headers: { 'x-auth-token': authToken } });
    expect(removed.status).toBe(200);
    expect((await subscribe(sim, authToken, '')).status).toBe(400);
  });

  it('answers socket auth in the documented success shape, on /wss and on the root', async () => {
    const sim = await start();
    const authToken = await token(sim);
    for (const path of ['/wss', '/']) {
      const client = await authedSocket(sim, authToken, path);
      const reply = jsonFrames(client)[0] ?? {};
      expect(Object.keys(reply).sort()).toEqual(['created_on', 'message', 'payload', 'type', 'uuid']);
      expect(reply['type']).toBe('auth');
      expect(reply['message']).toMatch(new RegExp(`^WSS connection [\\w-]+@127\\.0\\.0\\.1 - success auth ${sim.demo.opentactEmail}$`));
      expect(reply['payload']).toMatchObject({ uuid: expect.any(String), ip: '127.0.0.1', user: expect.any(Object), account: expect.any(Object) });
      client.ws.close();
    }
  });

  it('fails auth with a non-success auth frame and a close', async () => {
    const sim = await start();
    const client = await authedSocket(sim, 'not-a-token');
    expect(jsonFrames(client)[0]).toMatchObject({ type: 'auth', success: false });
    expect((await client.closed).code).toBe(4001);
  });

  it('sends nothing without an active subscription, then 2024 call_state frames', async () => {
    const sim = await start();
    const authToken = await token(sim);
    const client = await authedSocket(sim, authToken);
    await sleep(300);
    expect(client.frames).toHaveLength(1);
    await subscribe(sim, authToken, 'call_state');
    await waitFor(() => jsonFrames(client).some((f) => (f['payload'] as { state?: string } | undefined)?.state === 'destroyed'), 10_000);
    const frame = jsonFrames(client).find((f) => f['type'] === 'call_state') ?? {};
    expect(frame).toMatchObject({
      uuid: expect.any(String),
      created_on: expect.any(String),
      message: expect.any(String),
      payload: { state: expect.stringMatching(/^(init|ringing|live|hangup|destroyed)$/), duration: expect.any(Number) },
      call: { uuid: expect.any(String), direction: expect.stringMatching(/^(in|out)$/), type: 'CallSCA', tn: { tn: expect.any(String) } },
    });
    expect(jsonFrames(client).some((f) => f['type'] === 'sms')).toBe(false);
    client.ws.close();
  });

  it('sends the 2022 shape when switched, sms included', async () => {
    const sim = await start({ opentactShape: '2022' });
    const authToken = await token(sim);
    await subscribe(sim, authToken, 'call_flow');
    await subscribe(sim, authToken, 'sms');
    const client = await authedSocket(sim, authToken);
    await waitFor(() => jsonFrames(client).some((f) => f['type'] === 'sms') && jsonFrames(client).some((f) => f['type'] === 'call_flow'), 10_000);
    const call = jsonFrames(client).find((f) => f['type'] === 'call_flow') ?? {};
    expect(call).toMatchObject({ timestamp: expect.any(String), success: true, payload: { command: { name: expect.any(String), success: true }, call: expect.objectContaining({ init_on: expect.any(String) }) } });
    expect((call['payload'] as { call: Record<string, unknown> }).call).toHaveProperty('q850_cause');
    client.ws.close();
  });
});
