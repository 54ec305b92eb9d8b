import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src-main/core/simulator';
import { connect, jsonFrames, sleep, upgradeStatus, waitFor, type RecordingClient } from './helpers';

let simulator: Simulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  simulator = await startSimulator({ rate: 300, seed: 10, ...options });
  return simulator;
}

async function demoClient(sim: Simulator): Promise<RecordingClient> {
  const client = connect((await sim.demoDialpadSocket()).url);
  await client.opened;
  return client;
}

async function voipbinClient(sim: Simulator): Promise<RecordingClient> {
  const client = connect(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`);
  await client.opened;
  client.send({ type: 'subscribe', topics: [`customer_id:${sim.demo.voipbinCustomerId}`] });
  return client;
}

describe('fault switches', () => {
  it('drops the sockets of one provider without a close frame', async () => {
    const sim = await start();
    const dialpad = await demoClient(sim);
    const voipbin = await voipbinClient(sim);
    expect(sim.faults.dropSockets('dialpad')).toBe(1);
    expect((await dialpad.closed).code).toBe(1006);
    await sleep(50);
    expect(voipbin.ws.readyState).toBe(voipbin.ws.OPEN);
    expect(sim.faults.dropSockets()).toBe(1);
    expect((await voipbin.closed).code).toBe(1006);
  });

  it('goes half-open: no pong, no frames, socket still up', async () => {
    const sim = await start();
    const client = await demoClient(sim);
    await waitFor(() => client.frames.length > 0, 5_000);
    sim.faults.setHalfOpen('dialpad', true);
    let pongs = 0;
    client.ws.on('pong', () => pongs++);
    const count = client.frames.length;
    client.ws.ping();
    await sleep(400);
    expect(pongs).toBe(0);
    expect(client.frames.length).toBe(count);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    sim.faults.setHalfOpen('dialpad', false);
    client.ws.ping();
    await waitFor(() => pongs === 1 && client.frames.length > count, 5_000);
    client.ws.close();
  });

  it('delays frames, keeping their order', async () => {
    const sim = await start({ rate: 200 });
    sim.faults.setFrameDelay('dialpad', 400);
    const client = await demoClient(sim);
    const arrivals: number[] = [];
    client.ws.on('message', () => arrivals.push(Date.now()));
    await waitFor(() => client.frames.length >= 20, 10_000);
    const frames = jsonFrames(client);
    const lags = frames.map((frame, index) => (arrivals[index] ?? 0) - Number(frame['event_timestamp'] ?? frame['date']));
    expect(Math.min(...lags.filter((lag) => Number.isFinite(lag)))).toBeGreaterThanOrEqual(350);
    client.ws.close();
  });

  it.each([
    ['invalid-utf8', false],
    ['invalid-json', false],
    ['binary', true],
    ['oversized', false],
  ] as const)('sends a malformed %s frame', async (kind, binary) => {
    const sim = await start({ rate: 0.1 });
    const client = await demoClient(sim);
    expect(sim.faults.sendMalformed('dialpad', kind)).toBe(1);
    await waitFor(() => client.frames.length === 1, 10_000);
    const frame = client.frames[0];
    expect(frame?.binary).toBe(binary);
    if (kind === 'oversized') expect(frame?.text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    if (kind === 'invalid-json') expect(() => JSON.parse(frame?.text ?? '')).toThrow();
    if (kind === 'invalid-utf8') expect(Buffer.from(frame?.text ?? '').includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(true);
    client.ws.close();
  });

  it('rejects credentials everywhere until cleared', async () => {
    const sim = await start();
    sim.faults.setRejectCredentials('dialpad', true);
    sim.faults.setRejectCredentials('voipbin', true);
    sim.faults.setRejectCredentials('opentact', true);
    const rest = await fetch(`${sim.baseUrl}/api/v2/websockets`, { headers: { authorization: `Bearer ${sim.demo.dialpadApiKey}` } });
    expect(rest.status).toBe(401);
    const dialpad = connect((await sim.demoDialpadSocket()).url);
    expect((await dialpad.closed).code).toBe(1008);
    expect(await upgradeStatus(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`)).toBe(401);
    const basic = Buffer.from(`${sim.demo.opentactEmail}:${sim.demo.opentactPassword}`).toString('base64');
    expect((await fetch(`${sim.baseUrl}/rest/auth`, { headers: { authorization: `Basic ${basic}` } })).status).toBe(401);
    sim.faults.clear();
    expect(await upgradeStatus(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`)).toBe(101);
    const ok = connect((await sim.demoDialpadSocket()).url);
    await ok.opened;
    ok.ws.close();
  });

  it('expires tokens early: Dialpad sockets close as on expiry', async () => {
    const sim = await start();
    const client = await demoClient(sim);
    expect(sim.faults.expireTokens('dialpad')).toBe(1);
    const { code, reason } = await client.closed;
    expect(code).toBe(1000);
    expect(reason).toBe('token expired');
  });

  it('restarts on the same port, keeping websockets and subscriptions', async () => {
    const sim = await start();
    const first = await demoClient(sim);
    await sim.faults.restart(100);
    const { code } = await first.closed;
    expect(code).toBe(1006);
    const second = await demoClient(sim);
    await waitFor(() => second.frames.length > 0, 5_000);
    second.ws.close();
  });

  it('counts every frame sent to a live socket', async () => {
    const sim = await start({ rate: 2_000 });
    const client = await demoClient(sim);
    await sleep(500);
    client.ws.close();
    await client.closed;
    await sleep(50);
    const counters = sim.faults.counters();
    expect(counters.dialpad.framesSent).toBe(client.frames.length);
    expect(counters.dialpad.openSockets).toBe(0);
    expect(counters.voipbin.framesSent).toBe(0);
  });
});
