import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';
import { connect, jsonFrames, sleep, waitFor } from './helpers';

let simulator: Simulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

function decodeJwtPart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Dialpad event socket', () => {
  it('hands out a websocket_url whose token is a Dialpad websocket JWT for the whole endpoint', async () => {
    simulator = await startSimulator({ rate: 50, seed: 1 });
    const before = Date.now();
    const { url, expiresAt } = await simulator.demoDialpadSocket();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/events\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const [header, claims] = (url.split('/events/')[1] ?? '').split('.').slice(0, 2).map(decodeJwtPart);
    expect(header).toMatchObject({ alg: 'HS256', typ: 'vnd.dialpad.websocket+jwt' });
    expect(claims?.['sub']).toMatch(/^endpoint:\d+:\*$/);
    // A whole-second exp rounded up: the token lives at least its hour.
    expect((claims?.['exp'] as number) - (claims?.['iat'] as number)).toBeGreaterThanOrEqual(3600);
    expect((claims?.['exp'] as number) - (claims?.['iat'] as number)).toBeLessThanOrEqual(3601);
    expect(expiresAt).toBe((claims?.['exp'] as number) * 1000);
    expect(expiresAt).toBeGreaterThan(before + 3_590_000);
  });

  it('streams plain JSON call, agent_status and sms events in Dialpad shapes', async () => {
    simulator = await startSimulator({ rate: 400, seed: 2 });
    const client = connect((await simulator.demoDialpadSocket()).url);
    await client.opened;
    await waitFor(() => {
      const frames = jsonFrames(client);
      return frames.some((f) => 'on_duty_status' in f) && frames.some((f) => 'created_date' in f) && frames.some((f) => f['state'] === 'hangup');
    }, 10_000, 'all three event kinds');
    const frames = jsonFrames(client);
    expect(frames.length).toBe(client.frames.length);
    const call = frames.find((f) => f['state'] === 'hangup');
    expect(call).toMatchObject({ direction: expect.stringMatching(/^(inbound|outbound)$/), internal_number: expect.any(String) });
    for (const key of ['call_id', 'master_call_id', 'entry_point_call_id', 'date_started', 'date_rang', 'date_connected', 'date_ended', 'event_timestamp', 'duration', 'external_number', 'target', 'contact']) {
      expect(call).toHaveProperty(key);
    }
    expect(String(call?.['call_id'])).toMatch(/^\d{16}$/);
    const status = frames.find((f) => 'on_duty_status' in f);
    expect(status).toMatchObject({
      availability_status: expect.any(String),
      on_duty_status: expect.stringMatching(/^(available|occupied|wrapup|unavailable|busy)$/),
      on_duty_status_reason: expect.any(String),
      call_center_ids: expect.any(Array),
      date: expect.any(Number),
      event_timestamp: expect.any(Number),
      target: { id: expect.stringMatching(/^\d+$/), type: 'user', name: expect.any(String), email: expect.any(String) },
    });
    const sms = frames.find((f) => 'created_date' in f);
    expect(sms).toMatchObject({ from_number: expect.any(String), to_number: expect.any(Array), direction: expect.any(String), text: expect.any(String) });
    // Late post-call states after hangup, and ids as strings on some calls.
    await waitFor(() => jsonFrames(client).some((f) => f['state'] === 'postcall'), 10_000, 'postcall');
    await waitFor(() => jsonFrames(client).some((f) => typeof f['call_id'] === 'string'), 10_000, 'a string call_id');
    client.ws.close();
  });

  it('closes the socket when the token lifetime ends', async () => {
    simulator = await startSimulator({ rate: 5, tokenLifetimeSec: 1 });
    const { url, expiresAt } = await simulator.demoDialpadSocket();
    const client = connect(url);
    await client.opened;
    const { code } = await client.closed;
    expect(code).toBe(1000);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    // The same token no longer opens a socket.
    const late = connect(url);
    await late.closed;
    expect(late.frames.map((frame) => frame.text)).toEqual(['invalid key']);
  });

  it('refuses a forged token with an "invalid key" message', async () => {
    simulator = await startSimulator({ rate: 5 });
    const { url } = await simulator.demoDialpadSocket();
    const forged = url.slice(0, -4) + 'AAAA';
    const client = connect(forged);
    const { code } = await client.closed;
    expect(code).toBe(1008);
    expect(client.frames.map((frame) => frame.text)).toEqual(['invalid key']);
  });

  it('sustains a high rate in batches and close() leaves no handles behind', async () => {
    const resourcesBefore = process.getActiveResourcesInfo().length;
    simulator = await startSimulator({ rate: 20_000, seed: 3 });
    const client = connect((await simulator.demoDialpadSocket()).url);
    await client.opened;
    const start = Date.now();
    await sleep(1_500);
    const received = client.frames.length;
    const perSecond = received / ((Date.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(5_000);
    expect(simulator.groundTruth().liveCalls.length).toBeGreaterThan(100);
    expect(simulator.faults.counters().dialpad.framesSent).toBeGreaterThanOrEqual(received);
    await simulator.close();
    simulator = null;
    await client.closed;
    await sleep(50);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore);
  });
});
