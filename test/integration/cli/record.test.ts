import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { monitorEventProblem } from '../../../src-main/core/export/event-shape';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';

const root = join(import.meta.dirname, '../../..');
const CLI = join(root, 'out/main/cli.js');

let dir: string;
let server: WebSocketServer | null = null;
let simulator: Simulator | null = null;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // The recorder must work as the shipped process, built by the real build.
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  dir = await mkdtemp(join(tmpdir(), 'switchboard-record-'));
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  await simulator?.close();
  simulator = null;
});

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function record(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [CLI, 'record', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function lines(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('switchboard record (a real process)', () => {
  it('records a raw WebSocket as NDJSON until SIGINT, then prints the summary and exits 0', async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    let sent = 0;
    server.on('connection', (socket) => {
      for (let index = 0; index < 5; index += 1) socket.send(JSON.stringify({ type: 'tick', index }), () => (sent += 1));
      socket.send(Buffer.from([1, 2, 3]), { binary: true });
    });
    const profileFile = join(dir, 'raw.json');
    await writeFile(profileFile, JSON.stringify({ provider: 'websocket', url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
    const out = join(dir, 'raw.ndjson');
    const run = record(['--profile', profileFile, '--out', out]);
    await waitFor(async () => (await lines(out)).filter((event) => String(event['type']).startsWith('message.')).length === 6, 'six frames');
    expect(sent).toBe(5);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);

    const events = await lines(out);
    expect(events.map(monitorEventProblem).filter((problem) => problem !== null)).toEqual([]);
    expect(events.map((event) => event['seq'])).toEqual(events.map((_, index) => index + 1));
    expect(events.filter((event) => event['type'] === 'message.json')).toHaveLength(5);
    expect(events.find((event) => event['type'] === 'message.binary')).toMatchObject({ rawEncoding: 'base64', raw: 'AQID' });
    expect(events.at(-1)).toMatchObject({ type: 'system.disconnected', summary: 'Recording stopped' });
    expect(run.stderr()).toMatch(/live: Connected to ws:\/\/127\.0\.0\.1:\d+/);
    expect(run.stderr()).toMatch(/recorded \d+ events in [\d.]+ (ms|s), 0 reconnects\n$/);
  });

  it('records Dialpad from the simulator with the API key from the environment, filtered by type prefix, for a duration', async () => {
    simulator = await startSimulator({ rate: 200, seed: 9, dialpadRequestsPerSecond: 0 });
    const key = simulator.demo.dialpadApiKey;
    const created = (await (await fetch(`${simulator.baseUrl}/api/v2/websockets`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })).json()) as { id: string };
    await fetch(`${simulator.baseUrl}/api/v2/subscriptions/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint_id: created.id, call_states: ['all'] }),
    });
    const profileFile = join(dir, 'dialpad.json');
    await writeFile(profileFile, JSON.stringify({ provider: 'dialpad', environment: 'custom', customHost: simulator.baseUrl, websocketId: created.id }));
    const out = join(dir, 'dialpad.ndjson');
    const run = record(['--profile', profileFile, '--out', out, '--duration', '2s', '--filter', 'call.'], { SWITCHBOARD_SECRET_APIKEY: key });
    expect(await run.exited).toBe(0);
    const events = await lines(out);
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((event) => String(event['type']).startsWith('call.') && event['provider'] === 'dialpad')).toBe(true);
    expect(run.stderr()).not.toContain(key);
    expect(run.stderr()).toMatch(new RegExp(`recorded ${events.length} events in `));
  });

  it('exits 3 when the credentials are refused, and 2 on a usage error', async () => {
    simulator = await startSimulator({ rate: 1, seed: 1 });
    const profileFile = join(dir, 'voipbin.json');
    await writeFile(
      profileFile,
      JSON.stringify({ provider: 'voipbin', baseUrl: simulator.baseUrl, username: 'demo-admin', topics: [`customer_id:${simulator.demo.voipbinCustomerId}`], secrets: { password: 'wrong' } }),
    );
    const refused = record(['--profile', profileFile, '--allow-secrets-in-file']);
    expect(await refused.exited).toBe(3);
    expect(refused.stderr()).toMatch(/failed: .*VoIPBin refused the username or password \(HTTP 400\)/);

    const ignored = record(['--profile', profileFile, '--duration', '1s']);
    expect(await ignored.exited).toBe(3);
    expect(ignored.stderr()).toMatch(/holds a "secrets" object: ignored/);
    expect(ignored.stderr()).toMatch(/no VoIPBin password is stored/);

    const usage = record(['--profile', profileFile, '--duration', 'soon']);
    expect(await usage.exited).toBe(2);
    expect(usage.stderr()).toMatch(/--duration must look like 60s, 5m or 1h/);
    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, JSON.stringify({ provider: 'websocket', url: 'http://x' }));
    const bad = record(['--profile', invalid]);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toMatch(/url: must be a URL starting with ws:\/\/ or wss:\/\//);
  });
});
