// `npm run bench`: the ingest pipeline next to raw ws throughput (BENCH_CPU_PROF=<dir> adds a V8 CPU profile).
import { bundleAndRun } from './bundle-and-run.mjs';

const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
await bundleAndRun({ entry: 'bench.ts', extraInputs: { 'blast-server': 'blast-server.ts', 'store-writer': '../../src-main/core/store/writer.worker.ts' }, nodeArgs: [...profile, '--expose-gc'] });
