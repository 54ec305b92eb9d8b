import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { ApiEventName, ConnectionState, ConnectionStatus, ExportFormat, ExportStatus, LiveBatch } from '../../../src-main/core/api';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type Core, type PushFn } from '../../../src-main/core/service';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';
import { plantEverywhere, type PlantedProfile } from './planted-profiles';
import { recordedSession, type SessionTranscript } from './recorded-session';
import { filesContaining, filesUnder, secretForms, textsContaining } from './secret-scan';

const PLANTED = 'PLANTED-SECRET-7f3a9c';
const SETTLE_LIMIT_MS = 10_000;
const TRAFFIC_MS = 1_500;
const EXPORT_FORMATS: readonly ExportFormat[] = ['ndjson', 'json', 'csv'];

let workDir: string;
let simulator: Simulator;
let rawServer: WebSocketServer;
let core: Core | null = null;
const headersSeenByRawServer: string[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'switchboard-planted-'));
  simulator = await startSimulator({ rate: 50, seed: 7, dialpadRequestsPerSecond: 0 });
  rawServer = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
      headersSeenByRawServer.push(String(req.headers.authorization));
      done(req.url === '/accept', 401);
    },
  });
  await new Promise<void>((resolve) => rawServer.once('listening', () => resolve()));
  rawServer.on('connection', (socket) => {
    for (let index = 0; index < 3; index++) socket.send(JSON.stringify({ event: 'tick', index }));
  });
});

afterAll(async () => {
  await core?.close();
  for (const client of rawServer.clients) client.terminate();
  await new Promise<void>((resolve) => rawServer.close(() => resolve()));
  await simulator.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('a secret planted in every credential field never leaves the keychain', () => {
  it('is absent from the store, its WAL, exports, logs, pushes, answers, error texts and every file of the data folder', async () => {
    const dataDir = join(workDir, 'data');
    const exportDir = join(workDir, 'exports');
    await mkdir(exportDir);
    const logLines: string[] = [];
    const transcript: SessionTranscript = { answers: [], errors: [], pushes: [] };
    const states = new Map<string, ConnectionState>();
    const finishedExports = new Map<string, ExportStatus>();
    let exportCount = 0;
    const started = (core = await startCore({
      dataDir,
      mode: 'desktop',
      version: 'test',
      autoConnect: false,
      // Injected: the test must not depend on (or write into) a Secret Service on this machine.
      secrets: new MemorySecretStore(),
      log: (line) => logLines.push(line),
      chooseExportPath: async (defaultName) => join(exportDir, `${++exportCount}-${defaultName}`),
    }));
    const push = ((event: ApiEventName, payload: unknown) => {
      transcript.pushes.push(`${event}: ${JSON.stringify(payload)}`);
      if (event === 'connectionState') states.set((payload as ConnectionStatus).profileId, (payload as ConnectionStatus).state);
      if (event === 'liveBatch') void api.ackLiveBatch((payload as LiveBatch).batchId).catch(() => {});
      const status = payload as ExportStatus;
      if (event === 'exportProgress' && status.state !== 'running') finishedExports.set(status.exportId, status);
    }) as PushFn;
    const api: ApiSession = recordedSession(started.openSession(push), transcript);

    const rawPort = (rawServer.address() as AddressInfo).port;
    const profiles = await plantEverywhere(api, PLANTED, {
      simulatorUrl: simulator.baseUrl,
      demo: simulator.demo,
      rawAcceptUrl: `ws://127.0.0.1:${rawPort}/accept`,
      rawRefuseUrl: `ws://127.0.0.1:${rawPort}/refuse`,
    });
    for (const profile of profiles) await api.connect(profile.profileId).catch(() => {});
    await settle(profiles, states);
    await exerciseFailingSetupCalls(api, profiles);
    await new Promise((resolve) => setTimeout(resolve, TRAFFIC_MS));

    const exportIds: string[] = [];
    for (const format of EXPORT_FORMATS) {
      const started = await api.startExport({ scope: 'all', format });
      if (started) exportIds.push(started.exportId);
    }
    await waitUntil(() => exportIds.every((id) => finishedExports.has(id)), 'every export to finish');
    expect(exportIds.map((id) => finishedExports.get(id)?.error ?? finishedExports.get(id)?.state)).toEqual(['done', 'done', 'done']);

    // Read while the core runs, so the SQLite WAL is looked at before any checkpoint folds it in.
    const whileRunning = await filesUnder(dataDir);
    const statesBeforeDisconnect = new Map(states);
    const dialpadEvents = await api.queryEvents({ limit: 50, filter: { providers: ['dialpad'] } });
    for (const profile of profiles) await api.disconnect(profile.profileId).catch(() => {});
    api.close();
    core = null;
    await started.close();
    const afterClose = await filesUnder(dataDir);
    const exported = await filesUnder(exportDir);

    // The secret was really used: it went to the raw server and signed the Dialpad events we stored.
    expect(headersSeenByRawServer).toContain(PLANTED);
    expect(profiles.filter((profile) => profile.expectLive).map((profile) => statesBeforeDisconnect.get(profile.profileId))).toEqual(['live', 'live']);
    expect(dialpadEvents.events.some((event) => event.verified === true)).toBe(true);
    // And every refusal path ran: each profile with a planted credential was refused, not retried.
    const refused = profiles.filter((profile) => !profile.expectLive);
    expect(refused.map((profile) => statesBeforeDisconnect.get(profile.profileId))).toEqual(refused.map(() => 'failed'));
    expect(Object.keys(whileRunning).some((path) => path.endsWith('events.sqlite-wal'))).toBe(true);
    expect(filesContaining({ control: Buffer.from(`x${PLANTED}x`) }, [PLANTED])).toEqual(['control']);

    const forms = secretForms(PLANTED, simulator.demo.opentactEmail);
    expect(filesContaining(whileRunning, forms), 'data folder while running (store, WAL, profiles.json)').toEqual([]);
    expect(filesContaining(afterClose, forms), 'data folder after close').toEqual([]);
    expect(Object.keys(exported)).toHaveLength(3);
    expect(filesContaining(exported, forms), 'exports in all three formats').toEqual([]);
    expect(textsContaining(Object.fromEntries(logLines.map((line, index) => [`log ${index}: ${line}`, line])), forms)).toEqual([]);
    expect(transcript.errors.length, 'error paths ran').toBeGreaterThan(0);
    for (const [name, texts] of Object.entries(transcript)) {
      const leaks = textsContaining(Object.fromEntries(texts.map((text: string, index: number) => [`${name} ${index}: ${text.slice(0, 300)}`, text])), forms);
      expect(leaks, name).toEqual([]);
    }
  }, 60_000);
});

/** Every profile reaches live or failed (refused credentials), or is left as it is after the limit. */
async function settle(profiles: readonly PlantedProfile[], states: ReadonlyMap<string, ConnectionState>): Promise<void> {
  await waitUntil(
    () => profiles.every((profile) => ['live', 'failed'].includes(states.get(profile.profileId) ?? '')),
    'every profile to be live or refused',
  ).catch(() => {});
}

/** The setup calls a user makes from the profile screen, each refused by the provider. */
async function exerciseFailingSetupCalls(api: ApiSession, profiles: readonly PlantedProfile[]): Promise<void> {
  const [dialpadKey, , dialpadOAuth, , , opentactToken, opentactLogin] = profiles;
  const attempts = [
    () => api.listDialpadWebsockets(dialpadKey!.profileId),
    () => api.createDialpadWebsocket(dialpadKey!.profileId, { secret: PLANTED }),
    () => api.listDialpadSubscriptions(dialpadOAuth!.profileId, 'call'),
    () => api.listOpentactSubscriptions(opentactToken!.profileId),
    () => api.createOpentactSubscription(opentactLogin!.profileId, { type: 'call_state' }),
    () => api.setSecret(dialpadKey!.profileId, 'password', PLANTED),
  ];
  for (const attempt of attempts) await attempt().catch(() => {});
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = SETTLE_LIMIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
