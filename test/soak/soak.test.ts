import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionStatus, LiveBatch } from '../../src-main/core/api';
import { MemorySecretStore } from '../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type Core, type PushFn } from '../../src-main/core/service';
import { bundleChild } from './child-bundle';
import { FAULT_ROTATION, injectFault, type FaultRun } from './fault-plan';
import { sampleMemory } from './memory-probe';
import { RemoteSimulator } from './remote-simulator';
import { createSimProfiles, type SimProfile } from './sim-profiles';
import { soakReportMarkdown, type ProviderLine, type SoakResult } from './soak-report';
import { soakSettings } from './soak-settings';
import { StateLog } from './state-log';
import { seqIsContiguous, tallyStore } from './store-tally';

const settings = soakSettings(process.env);
const CONNECT_LIMIT_MS = 30_000;
const WARM_UP_MS = 5_000;
const MEMORY_SAMPLE_EVERY_MS = 10_000;
/** Time for frames already on the wire when traffic stops to be read and stored. */
const QUIET_BEFORE_COUNT_MS = 1_000;
const DRAIN_LIMIT_MS = 60_000;
/**
 * Growth allowed from start to end. Every in-memory structure on the event path is bounded
 * (dedupe windows of 20,000 keys per connection, live-push backlog of 4,000 events per client,
 * board windows), so what remains is SQLite's page cache and allocator slack.
 */
const MAX_HEAP_GROWTH_MB = 64;
const MAX_RSS_GROWTH_MB = 256;
/** VoIPBin publishes each resource change under two topics; the `customer_id:<id>` prefix matches both. */
const VOIPBIN_COPIES_PER_EVENT = 2;

let workDir: string | null = null;
let simulator: RemoteSimulator | null = null;
let core: Core | null = null;

afterAll(async () => {
  await core?.close();
  await simulator?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe(`soak: three providers, one simulator at ${settings.rate} events/s, faults for ${settings.seconds} s`, () => {
  it('stores every event sent while a socket was live exactly once, recovers from every fault, and keeps memory bounded', async () => {
    workDir = await mkdtemp(join(tmpdir(), 'switchboard-soak-'));
    const script = await bundleChild('test/soak/simulator-host.ts', join(workDir, 'bundle'), 'simulator-host.cjs');
    const sim = (simulator = await RemoteSimulator.start(script, settings.rate));
    const dataDir = join(workDir, 'data');
    const logLines: string[] = [];
    const states = new StateLog();
    const startedCore = (core = await startCore({
      dataDir,
      mode: 'web',
      version: 'soak',
      autoConnect: false,
      secrets: new MemorySecretStore(),
      log: (line) => logLines.push(line),
    }));
    // Like the renderer: take every state change, and hand back credit for every live batch.
    const push = ((event: string, payload: unknown) => {
      if (event === 'connectionState') states.record(payload as ConnectionStatus);
      if (event === 'liveBatch') void api.ackLiveBatch((payload as LiveBatch).batchId);
    }) as PushFn;
    const api: ApiSession = startedCore.openSession(push);

    const profiles = await createSimProfiles(api, sim.baseUrl, sim.demo);
    for (const profile of profiles) await api.connect(profile.profileId);
    for (const profile of profiles) {
      const live = await StateLog.waitFor(() => (states.current(profile.profileId) === 'live' ? true : null), CONNECT_LIMIT_MS);
      expect(live, `${profile.provider} went live`).toBe(true);
    }
    await sleep(WARM_UP_MS);

    const memoryStart = sampleMemory();
    let memoryPeak = memoryStart;
    const sampler = setInterval(() => {
      const sample = sampleMemory();
      if (sample.rssMb > memoryPeak.rssMb) memoryPeak = sample;
    }, MEMORY_SAMPLE_EVERY_MS);

    const faults: FaultRun[] = [];
    const faultsStartedAt = Date.now();
    const deadline = faultsStartedAt + settings.seconds * 1000;
    const maxFaults = Math.ceil((settings.seconds * 1000) / settings.faultGapMs);
    for (let index = 0; index < maxFaults && Date.now() + settings.faultGapMs < deadline; index++) {
      await sleep(settings.faultGapMs);
      const fault = FAULT_ROTATION[index % FAULT_ROTATION.length]!;
      faults.push(await injectFault(fault, { simulator: sim, api, profiles, states }));
    }
    const faultSeconds = (Date.now() - faultsStartedAt) / 1000;

    // Traffic stops without closing anything: a half-open simulator sends nothing and counts nothing.
    for (const profile of profiles) await sim.setHalfOpen(profile.provider, true);
    await sleep(QUIET_BEFORE_COUNT_MS);
    await waitUntilStoreIsQuiet(startedCore);
    const counters = await sim.counters();
    clearInterval(sampler);
    const memoryEnd = sampleMemory();

    for (const profile of profiles) await api.disconnect(profile.profileId);
    api.close();
    core = null;
    await startedCore.close();
    await sim.close();
    simulator = null;

    const storeFile = join(dataDir, 'events.sqlite');
    const tallies = tallyStore(storeFile);
    const providers: ProviderLine[] = profiles.map((profile) => providerLine(profile, counters[profile.provider], tallies, faults, states));
    const result: SoakResult = {
      settings,
      startedAt: new Date(faultsStartedAt),
      faultSeconds,
      providers,
      faults,
      memoryStart,
      memoryEnd,
      memoryPeak,
      seqContiguous: seqIsContiguous(storeFile),
    };
    const report = soakReportMarkdown(result);
    const reportFile = process.env['SOAK_REPORT'] ?? join(tmpdir(), 'switchboard-soak-report.md');
    await writeFile(reportFile, report);
    process.stdout.write(`\n${report}\n(report written to ${reportFile}; core log: ${logLines.length} lines)\n`);

    for (const line of providers) {
      expect(line.tally.events, `${line.provider}: provider events stored vs events sent while live`).toBe(line.eventsSent);
      expect(line.tally.distinctFrames, `${line.provider}: no frame stored twice`).toBe(line.tally.events);
      expect(line.tally.system['system.malformed'] ?? 0, `${line.provider}: every malformed frame stored as system.malformed`).toBe(line.malformedSent);
    }
    for (const run of faults) {
      for (const outcome of run.outcomes) {
        const ok = run.fault === 'malformed' || run.fault === 'oversized' ? outcome.stayedLive : outcome.recoveryMs !== null;
        expect(ok, `${run.fault} at ${new Date(run.startedAt).toISOString()} on ${outcome.profileId}`).toBe(true);
      }
    }
    expect(faults.length).toBeGreaterThanOrEqual(Math.min(FAULT_ROTATION.length, 3));
    expect(result.seqContiguous).toBe(true);
    expect(memoryEnd.heapUsedMb - memoryStart.heapUsedMb).toBeLessThanOrEqual(MAX_HEAP_GROWTH_MB);
    expect(memoryEnd.rssMb - memoryStart.rssMb).toBeLessThanOrEqual(MAX_RSS_GROWTH_MB);
  });
});

function providerLine(
  profile: SimProfile,
  counters: { framesSent: number; framesDropped: number },
  tallies: ReturnType<typeof tallyStore>,
  faults: readonly FaultRun[],
  states: StateLog,
): ProviderLine {
  const copies = profile.provider === 'voipbin' ? VOIPBIN_COPIES_PER_EVENT : 1;
  return {
    provider: profile.provider,
    framesSent: counters.framesSent,
    framesDropped: counters.framesDropped,
    eventsSent: counters.framesSent / copies,
    tally: tallies[profile.provider] ?? { events: 0, distinctFrames: 0, system: {} },
    reconnects: states.entries(profile.profileId, 'reconnecting'),
    malformedSent: faults.reduce((sum, run) => sum + (run.malformedSent[profile.provider] ?? 0), 0),
  };
}

/** The store stops growing once every frame already received is stored (bounded wait). */
async function waitUntilStoreIsQuiet(core: Core): Promise<void> {
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  let last = core.store.lastSeq();
  while (Date.now() < deadline) {
    await sleep(500);
    const now = core.store.lastSeq();
    if (now === last) return;
    last = now;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
