import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebServer, type WebServer } from '../../../src-main/web/server';
import { recordingHost } from '../../support/recording-host';

const TOKEN = 'test-token-123';
let server: WebServer;
let host: ReturnType<typeof recordingHost>;
let origin: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(headers: Record<string, string>, path = '/rpc'): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    socket.on('open', () => resolve({ status: 101, socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => undefined);
  });
}

function exchange(socket: WebSocket, message: string | Buffer): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    socket.send(message);
  });
}

const cookie = { Cookie: `switchboard_session=${TOKEN}` };

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'switchboard-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  host = recordingHost();
  server = await startWebServer({ host, rendererDir, token: TOKEN });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
});

describe('web mode HTTP access', () => {
  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('trades the URL token for an HttpOnly SameSite cookie and redirects to a clean URL', async () => {
    const reply = await get(`/?token=${TOKEN}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/switchboard_session=test-token-123; HttpOnly; SameSite=Strict/);
  });

  it('serves the renderer with the CSP to a holder of the cookie', async () => {
    const reply = await get('/', cookie);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Switchboard</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses a request without the token with 401 and a clear message', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/needs its access token/);
  });

  it('refuses a wrong token with 401', async () => {
    expect((await get('/?token=nope')).status).toBe(401);
    expect((await get('/', { Cookie: 'switchboard_session=nope' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) with 403 even with the token', async () => {
    const reply = await get('/', { ...cookie, Host: `evil.example:${server.port}` });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/unexpected Host/);
  });

  it('refuses a foreign Origin with 403 even with the token', async () => {
    const reply = await get('/', { ...cookie, Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/unexpected Origin/);
  });

  it('never serves a file outside the renderer folder', async () => {
    expect((await get('/../../../../etc/passwd', cookie)).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd', cookie)).status).toBe(404);
    expect((await get('/%E0%A4%A', cookie)).status).toBe(404);
  });
});

describe('web mode RPC socket access', () => {
  it('refuses an upgrade without the token (401), with a foreign or missing Origin (403), on another path (403)', async () => {
    expect((await upgrade({ Origin: origin })).status).toBe(401);
    expect((await upgrade({ Origin: 'http://evil.example', ...cookie })).status).toBe(403);
    expect((await upgrade({ ...cookie })).status).toBe(403);
    expect((await upgrade({ Origin: origin, ...cookie }, '/other')).status).toBe(403);
    expect(host.calls).toHaveLength(0);
  });

  it('answers malformed RPC messages with an RPC error and calls nothing', async () => {
    const { socket } = await upgrade({ Origin: origin, ...cookie });
    expect(socket).toBeDefined();
    const ws = socket!;
    expect(await exchange(ws, 'not json')).toEqual({ id: null, error: { code: 'bad_request', message: 'The message is not valid JSON.' } });
    expect(await exchange(ws, '42')).toMatchObject({ id: null, error: { code: 'bad_request' } });
    expect(await exchange(ws, JSON.stringify({ method: 'listProfiles', params: [] }))).toMatchObject({ id: null, error: { code: 'bad_request' } });
    expect(await exchange(ws, JSON.stringify({ id: 1, method: 'deleteEverything', params: [] }))).toMatchObject({
      id: 1,
      error: { code: 'unknown_method', message: 'Unknown method "deleteEverything".' },
    });
    expect(await exchange(ws, JSON.stringify({ id: 2, method: 'toString', params: [] }))).toMatchObject({ id: 2, error: { code: 'unknown_method' } });
    expect(await exchange(ws, JSON.stringify({ id: 3, method: 'listProfiles', params: 'x' }))).toMatchObject({ id: 3, error: { code: 'bad_request' } });
    expect(await exchange(ws, Buffer.from([1, 2, 3]))).toMatchObject({ id: null, error: { code: 'bad_request' } });
    expect(host.calls).toHaveLength(0);
    expect(await exchange(ws, JSON.stringify({ id: 4, method: 'listProfiles', params: [] }))).toEqual({ id: 4, result: { answeredBy: 'listProfiles' } });
    ws.close();
  });
});
