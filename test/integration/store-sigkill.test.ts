import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../src-main/core/store/event-store';
import { BATCH_SIZE, writerEvent } from '../fixtures/store-sigkill-events';
import { bundleChild, childEnv } from '../soak/child-bundle';
/** Committed batches to wait for before the kill: enough to be mid-stream, few enough to be quick. */
const BATCHES_BEFORE_KILL = 30;

interface KilledRun {
  committedRanges: [number, number][];
  signal: NodeJS.Signals | null;
}

/** Runs the writer until it has reported BATCHES_BEFORE_KILL commits, then SIGKILLs it. */
function runAndKill(script: string, dbFile: string, storeWriterScript: string): Promise<KilledRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, dbFile, storeWriterScript], {
      // The bundle lives in a temp folder; better-sqlite3 (native) is resolved from the repo.
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committedRanges: [number, number][] = [];
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+) (\d+)$/.exec(line);
        if (match) committedRanges.push([Number(match[1]), Number(match[2])]);
      }
      if (committedRanges.length >= BATCHES_BEFORE_KILL) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolvePromise({ committedRanges, signal });
    });
  });
}

describe('EventStore durability across SIGKILL', () => {
  let workDir: string;
  let writerScript: string;
  let storeWriterScript: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'switchboard-sigkill-'));
    writerScript = await bundleChild('test/fixtures/store-sigkill-writer.ts', join(workDir, 'bundle'), 'writer.cjs');
    storeWriterScript = await bundleChild('src-main/core/store/writer.worker.ts', join(workDir, 'bundle'), 'store-writer.cjs');
  }, 30_000);

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('keeps every batch the writer saw committed, intact, and stays usable', async () => {
    const dbFile = join(workDir, 'data', 'events.db');
    const run = await runAndKill(writerScript, dbFile, storeWriterScript);
    expect(run.signal).toBe('SIGKILL');
    expect(run.committedRanges.length).toBeGreaterThanOrEqual(BATCHES_BEFORE_KILL);

    const store = EventStore.open({ file: dbFile });
    try {
      for (const [first, last] of run.committedRanges) {
        expect(last - first + 1).toBe(BATCH_SIZE);
        for (let seq = first; seq <= last; seq++) {
          const batch = Math.floor((seq - 1) / BATCH_SIZE);
          const item = (seq - 1) % BATCH_SIZE;
          const expected = writerEvent(batch, item);
          const stored = store.get(seq);
          expect(stored).toEqual({ ...expected, seq, receivedAt: stored?.receivedAt });
        }
      }
      // Whole batches only: the kill may have hit mid-append, and that append must be all or nothing.
      const count = store.count();
      expect(count % BATCH_SIZE).toBe(0);
      expect(count).toBe(store.lastSeq());
      expect(count).toBeGreaterThanOrEqual(run.committedRanges.at(-1)?.[1] ?? Infinity);
      expect(store.countMatching({ text: 'batch' })).toBe(count);

      const [appended] = store.append([writerEvent(999_999, 0)]);
      expect(appended?.seq).toBe(count + 1);
      expect(store.get(count + 1)?.summary).toBe('batch 999999 item 0');
    } finally {
      store.close();
    }
  });
});
