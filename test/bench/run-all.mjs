// `npm run bench`: every benchmark, one after another so none measures the others' load: the
// ingest pipeline, the monitor UI (1,000,000 stored, 5,000/s) and the supervisor board (500 calls).
// Each writes its own section of docs/benchmarks.md; the exit code is 1 when any target is missed.
// `npm run bench:pipeline`, `bench:ui` and `bench:board` run one alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './bundle-and-run.mjs';

if (!existsSync(join(repoRoot, 'out/renderer/index.html'))) {
  console.log('Building the app first: the UI benchmarks drive the built renderer.');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let missed = false;
for (const script of ['run.mjs', 'run-ui.mjs', 'run-board.mjs']) {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, script)], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) missed = true;
}
process.exit(missed ? 1 : 0);
