/**
 * `npm run bench`: pipeline throughput next to raw ws receive throughput, in one run, against the
 * same frames from a server in a child process. Bundled and started by test/bench/run.mjs.
 * Usage: node bench.cjs <repo root> [events]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dialpadCallFrame } from './dialpad-frames';
import { describeMachine } from './machine';
import { measurePipeline } from './pipeline-receive';
import { measureRawReceive } from './raw-receive';
import { meetsTargets, renderResults, writeResults, type BenchReport, type BenchRun } from './report';
import { sampleMemory } from './throughput';

const DEFAULT_EVENTS = 200_000;
const WARMUP_EVENTS = 20_000;
/** Each measured run stops here even if not all events arrived. */
const RUN_LIMIT_MS = 20_000;
/** Measured runs, each raw then pipeline on a fresh store: the verdict is on their median, since one run moves ~10 % with the machine. */
const RUNS = 3;

function startBlaster(script: string, count: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ child, url: `ws://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`the frame server exited with ${code}`)));
  });
}

async function main(repoRoot: string, events: number): Promise<boolean> {
  const bundleDir = dirname(process.argv[1]!);
  const loadAverage = loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
  const workDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const warmup = await startBlaster(join(bundleDir, 'blast-server.cjs'), WARMUP_EVENTS);
  const measured = await startBlaster(join(bundleDir, 'blast-server.cjs'), events);
  try {
    // JIT warm-up of both paths, into a store of its own.
    await measureRawReceive(warmup.url, WARMUP_EVENTS, RUN_LIMIT_MS);
    const writerScript = join(bundleDir, 'store-writer.cjs');
    await measurePipeline(warmup.url, WARMUP_EVENTS, RUN_LIMIT_MS, join(workDir, 'warmup'), writerScript);

    const runs: BenchRun[] = [];
    const memoryBefore = sampleMemory();
    for (let run = 1; run <= RUNS; run++) {
      const raw = await measureRawReceive(measured.url, events, RUN_LIMIT_MS);
      const dataDir = join(workDir, `measured-${run}`);
      const pipeline = await measurePipeline(measured.url, events, RUN_LIMIT_MS, dataDir, writerScript);
      runs.push({ raw, pipeline });
      // Removed at once, so the kernel drops its dirty pages instead of writing them back during the next run.
      rmSync(dataDir, { recursive: true, force: true });
    }
    const memoryAfter = sampleMemory();
    const report: BenchReport = {
      date: new Date().toISOString().slice(0, 10),
      machine: describeMachine(),
      loadAverage,
      frameBytes: Buffer.byteLength(dialpadCallFrame(1)),
      runs,
      memoryBefore,
      memoryAfter,
    };
    const results = renderResults(report);
    console.log(results);
    writeResults(join(repoRoot, 'docs/benchmarks.md'), results);
    return meetsTargets(report);
  } finally {
    warmup.child.stdin!.end();
    measured.child.stdin!.end();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const [repoRoot, eventsArgument] = process.argv.slice(2);
const events = eventsArgument === undefined ? DEFAULT_EVENTS : Number(eventsArgument);
if (!repoRoot || !Number.isSafeInteger(events) || events < 1) {
  console.error('usage: node bench.cjs <repo root> [events]');
  process.exit(2);
}
main(repoRoot, events).then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
