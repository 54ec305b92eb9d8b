import { createHash } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';
import { connect, jsonFrames, sleep, waitFor } from './helpers';

let simulator: Simulator | null = null;
afterEach(async () => {
  await simulator?.close();
  simulator = null;
});

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  simulator = await startSimulator({ rate: 300, seed: 4, ...options });
  return simulator;
}

function api(sim: Simulator, key = sim.demo.dialpadApiKey) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`${sim.baseUrl}/api/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

describe('Dialpad REST API', () => {
  it('answers a bad key with 401 in Dialpad error shape, and accepts ?apikey=', async () => {
    const sim = await start();
    const bad = await api(sim, 'nope')('GET', '/websockets');
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ error: { code: 401, message: expect.any(String), errors: [expect.objectContaining({ reason: 'unauthorized' })] } });
    const viaQuery = await fetch(`${sim.baseUrl}/api/v2/websockets?apikey=${sim.demo.dialpadApiKey}`);
    expect(viaQuery.status).toBe(200);
  });

  it('creates, pages, regenerates, updates and deletes websockets', async () => {
    const sim = await start({ dialpadRequestsPerSecond: 0 });
    const call = api(sim);
    const created = await call('POST', '/websockets', { secret: 's3cret' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ id: expect.stringMatching(/^\d+$/), signature: { algo: 'HS256', secret: 's3cret', type: 'jwt' } });
    expect(created.json['websocket_url']).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${sim.port}/events/`));
    for (let i = 0; i < 24; i++) await call('POST', '/websockets', {});
    const first = await call('GET', '/websockets');
    expect((first.json['items'] as unknown[]).length).toBe(20);
    expect(first.json['cursor']).toEqual(expect.any(String));
    const second = await call('GET', `/websockets?cursor=${String(first.json['cursor'])}`);
    expect((second.json['items'] as unknown[]).length).toBe(5);
    expect(second.json).not.toHaveProperty('cursor');
    const id = String(created.json['id']);
    const again = await call('GET', `/websockets/${id}`);
    expect(again.json['websocket_url']).not.toBe(created.json['websocket_url']);
    const patched = await call('PATCH', `/websockets/${id}`, { secret: 'other' });
    expect(patched.json['signature']).toMatchObject({ secret: 'other' });
    expect((await call('DELETE', `/websockets/${id}`)).status).toBe(200);
    expect((await call('GET', `/websockets/${id}`)).status).toBe(404);
  });

  it('validates subscriptions: endpoint_id, call_states, sms direction, unknown ids', async () => {
    const sim = await start();
    const call = api(sim);
    const websocket = await call('POST', '/websockets', {});
    const endpoint_id = websocket.json['id'];
    expect((await call('POST', '/subscriptions/call', { call_states: ['hangup'] })).status).toBe(400);
    expect((await call('POST', '/subscriptions/call', { endpoint_id: '123', call_states: ['hangup'] })).status).toBe(400);
    expect((await call('POST', '/subscriptions/call', { endpoint_id, call_states: ['exploded'] })).status).toBe(400);
    expect((await call('POST', '/subscriptions/sms', { endpoint_id })).status).toBe(400);
    const sms = await call('POST', '/subscriptions/sms', { endpoint_id, direction: 'inbound' });
    expect(sms.json).toMatchObject({ direction: 'inbound', enabled: true, websocket: { id: endpoint_id } });
    expect((await call('GET', '/subscriptions/call/999')).status).toBe(404);
    expect((await call('GET', `/subscriptions/sms/${String(sms.json['id'])}`)).status).toBe(200);
    expect((await call('GET', '/subscriptions/sms')).json['items']).toHaveLength(1);
    expect((await call('POST', '/subscriptions/unknown', { endpoint_id })).status).toBe(404);
    expect((await call('DELETE', `/subscriptions/sms/${String(sms.json['id'])}`)).status).toBe(200);
    expect((await call('GET', `/subscriptions/sms/${String(sms.json['id'])}`)).status).toBe(404);
  });

  it('gives a subscription token only its own events and the websocket token all of them', async () => {
    const sim = await start({ rate: 500, dialpadRequestsPerSecond: 0 });
    const call = api(sim);
    const websocket = await call('POST', '/websockets', {});
    const endpoint_id = websocket.json['id'];
    const hangups = await call('POST', '/subscriptions/call', { endpoint_id, call_states: ['hangup'] });
    await call('POST', '/subscriptions/agent_status', { endpoint_id, agent_type: 'callcenter' });
    const subscriptionUrl = (hangups.json['websocket'] as { websocket_url: string }).websocket_url;
    const claims = JSON.parse(Buffer.from(subscriptionUrl.split('/events/')[1]?.split('.')[1] ?? '', 'base64url').toString()) as { sub: string };
    expect(claims.sub).toBe(`endpoint:${String(endpoint_id)}:call:${String(hangups.json['id'])}`);
    const onlyHangups = connect(subscriptionUrl);
    const everything = connect(String(websocket.json['websocket_url']));
    await Promise.all([onlyHangups.opened, everything.opened]);
    await waitFor(() => jsonFrames(onlyHangups).length >= 5 && jsonFrames(everything).some((f) => 'on_duty_status' in f), 10_000);
    expect(jsonFrames(onlyHangups).every((f) => f['state'] === 'hangup')).toBe(true);
    expect(jsonFrames(everything).some((f) => 'created_date' in f)).toBe(false);
    onlyHangups.ws.close();
    everything.ws.close();
  });

  it('signs frames as HS256 JWTs with the websocket secret', async () => {
    const sim = await start({ rate: 300 });
    const call = api(sim);
    const websocket = await call('POST', '/websockets', { secret: 'frame-secret' });
    await call('POST', '/subscriptions/call', { endpoint_id: websocket.json['id'], call_states: ['all'] });
    const client = connect(String(websocket.json['websocket_url']));
    await waitFor(() => client.frames.length >= 3, 10_000);
    const { payload } = await jwtVerify(client.frames[0]?.text ?? '', new TextEncoder().encode('frame-secret'));
    expect(payload).toHaveProperty('call_id');
    expect(payload).toHaveProperty('state');
    client.ws.close();
  });

  it('answers 429 beyond the configured request rate', async () => {
    const sim = await start({ dialpadRequestsPerSecond: 3 });
    const statuses = await Promise.all(Array.from({ length: 6 }, () => api(sim)('GET', '/websockets').then((r) => r.status)));
    expect(statuses.filter((status) => status === 429).length).toBe(3);
    await sleep(1_050);
    expect((await api(sim)('GET', '/websockets')).status).toBe(200);
  });
});

describe('Dialpad OAuth', () => {
  const verifier = 'a-verifier-that-is-long-enough-to-be-valid-0123456789';
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  async function authorize(sim: Simulator): Promise<URL> {
    const url = new URL('/oauth2/authorize', sim.baseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: 'switchboard',
      redirect_uri: 'http://127.0.0.1:9/oauth/callback',
      state: 'st-1',
      scope: 'recordings_export offline_access',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  function token(sim: Simulator, fields: Record<string, string>) {
    return fetch(`${sim.baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it('redirects back with code and state, checks the PKCE verifier, and codes work once', async () => {
    const sim = await start();
    const back = await authorize(sim);
    expect(back.origin + back.pathname).toBe('http://127.0.0.1:9/oauth/callback');
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';
    const wrong = await token(sim, { grant_type: 'authorization_code', code, code_verifier: 'wrong', client_id: 'switchboard' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    // The failed attempt burned the code.
    const retry = await token(sim, { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: 'switchboard' });
    expect(retry.status).toBe(400);
    const fresh = (await authorize(sim)).searchParams.get('code') ?? '';
    const ok = await token(sim, { grant_type: 'authorization_code', code: fresh, code_verifier: verifier, client_id: 'switchboard' });
    expect(ok.status).toBe(200);
    const tokens = (await ok.json()) as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
    expect(tokens).toMatchObject({ expires_in: 3600, token_type: 'bearer', access_token: expect.any(String), refresh_token: expect.any(String) });
    expect((await api(sim, tokens.access_token)('GET', '/websockets')).status).toBe(200);
  });

  it('rotates refresh tokens and revokes on deauthorize', async () => {
    const sim = await start();
    const code = (await authorize(sim)).searchParams.get('code') ?? '';
    const first = (await (await token(sim, { grant_type: 'authorization_code', code, code_verifier: verifier })).json()) as Record<string, string>;
    const refreshed = await token(sim, { grant_type: 'refresh_token', refresh_token: first['refresh_token'] ?? '' });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as Record<string, string>;
    expect(second['refresh_token']).not.toBe(first['refresh_token']);
    expect((await token(sim, { grant_type: 'refresh_token', refresh_token: first['refresh_token'] ?? '' })).status).toBe(400);
    const revoke = await fetch(`${sim.baseUrl}/oauth2/deauthorize`, { method: 'POST', headers: { authorization: `Bearer ${second['access_token'] ?? ''}` } });
    expect(revoke.status).toBe(200);
    expect((await api(sim, second['access_token'])('GET', '/websockets')).status).toBe(401);
  });

  it('refuses a redirect_uri with a fragment', async () => {
    const sim = await start();
    const response = await fetch(`${sim.baseUrl}/oauth2/authorize?response_type=code&client_id=x&redirect_uri=${encodeURIComponent('http://127.0.0.1/cb#frag')}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });
});
