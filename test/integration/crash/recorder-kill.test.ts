import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../src-main/core/store/event-store';
import { startSimulator, type Simulator } from '../../../src-main/core/simulator';
import { bundleChild, childEnv } from '../../soak/child-bundle';

/** Batches the UI must have been told of before the kill: mid-stream, and quick. */
const BATCHES_BEFORE_KILL = 25;
const RUN_LIMIT_MS = 25_000;

interface Acknowledged {
  firstSeq: number;
  lastSeq: number;
  count: number;
  digest: string;
}

let workDir: string;
let childScript: string;
let simulator: Simulator;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
  childScript = await bundleChild('test/integration/crash/ingest-child.ts', join(workDir, 'bundle'), 'ingest-child.cjs');
  simulator = await startSimulator({ rate: 400, seed: 11 });
}, 60_000);

afterAll(async () => {
  await simulator.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Runs the core child until it has pushed BATCHES_BEFORE_KILL batches, then SIGKILLs it. */
function runUntilKilled(dataDir: string): Promise<Acknowledged[]> {
  return new Promise((resolve, reject) => {
    const { demo } = simulator;
    const child = spawn(process.execPath, [childScript, dataDir, simulator.baseUrl, demo.opentactEmail, demo.opentactPassword], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: Acknowledged[] = [];
    let pending = '';
    let stderr = '';
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^pushed (\d+) (\d+) (\d+) ([0-9a-f]{40})$/.exec(line);
        if (match) acknowledged.push({ firstSeq: Number(match[1]), lastSeq: Number(match[2]), count: Number(match[3]), digest: match[4]! });
      }
      if (acknowledged.length >= BATCHES_BEFORE_KILL) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      if (signal !== 'SIGKILL') reject(new Error(`the core child ended by itself (${code}): ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

/** Every batch the UI was told of is in the store, byte for byte, and the log has no hole. */
function checkStore(dataDir: string, acknowledged: readonly Acknowledged[]): number {
  const store = EventStore.open({ file: join(dataDir, 'events.sqlite') });
  try {
    for (const batch of acknowledged) {
      const events = [...store.iterate(undefined, { seqs: range(batch.firstSeq, batch.lastSeq) })];
      expect(events.map((event) => event.seq)).toEqual(range(batch.firstSeq, batch.lastSeq));
      expect(events).toHaveLength(batch.count);
      const digest = createHash('sha1');
      for (const event of events) digest.update(event.raw);
      expect(digest.digest('hex'), `batch ${batch.firstSeq}..${batch.lastSeq}`).toBe(batch.digest);
    }
    const count = store.count();
    expect(count, 'seq runs 1..count: no gap, no repeat').toBe(store.lastSeq());
    expect(count).toBeGreaterThanOrEqual(acknowledged.at(-1)?.lastSeq ?? Infinity);
    // Full-text search sees the committed events, up to the last one the UI was told of.
    const last = store.get(acknowledged.at(-1)!.lastSeq)!;
    const callUuid = (last.payload as { call?: { uuid?: string } } | null)?.call?.uuid;
    if (callUuid !== undefined) {
      expect(store.query({ limit: 500, filter: { text: callUuid } }).events.map((event) => event.seq)).toContain(last.seq);
    }
    expect(store.countMatching({ text: 'call_state' })).toBeGreaterThan(0);
    return count;
  } finally {
    store.close();
  }
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

describe('the core killed with SIGKILL mid-ingest, then restarted', () => {
  it('keeps every event it pushed to the UI, with seq strictly increasing and no gap across the restart', async () => {
    const dataDir = join(workDir, 'data');
    const first = await runUntilKilled(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(BATCHES_BEFORE_KILL);
    const countAfterFirst = checkStore(dataDir, first);

    const second = await runUntilKilled(dataDir);
    expect(second.length).toBeGreaterThanOrEqual(BATCHES_BEFORE_KILL);
    // A restart continues the log: nothing reused, nothing skipped.
    expect(second[0]!.firstSeq).toBeGreaterThan(countAfterFirst);
    const all = [...first, ...second];
    for (let index = 1; index < all.length; index++) expect(all[index]!.firstSeq).toBeGreaterThan(all[index - 1]!.lastSeq);
    checkStore(dataDir, all);
  }, 90_000);
});
