// `npm run bench`: bundles the TypeScript benchmark with vite (as the SIGKILL test bundles its
// writer) into a temp folder, runs it with plain node, and removes the bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');
const bundleDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-bundle-'));
try {
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: bundleDir,
      minify: false,
      rolldownOptions: {
        input: { bench: join(repoRoot, 'test/bench/bench.ts'), 'blast-server': join(repoRoot, 'test/bench/blast-server.ts') },
        external: [/^better-sqlite3$/, /^ws$/, /^node:/],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
  // The bundle lives outside the repo: its native and CJS dependencies resolve from the repo's node_modules.
  const run = spawnSync(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--expose-gc', join(bundleDir, 'bench.cjs'), repoRoot, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
