// `npm run bench:board`: bundles test/bench/board.ts with vite (as run.mjs bundles the ingest bench)
// into a temp folder, runs it with plain node, and removes the bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');
const bundleDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-board-bundle-'));
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
        input: { board: join(repoRoot, 'test/bench/board.ts') },
        external: [/^better-sqlite3$/, /^ws$/, /^playwright-core$/, /^node:/],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
  // The bundle lives outside the repo: its native and CJS dependencies resolve from the repo's node_modules.
  const run = spawnSync(process.execPath, [join(bundleDir, 'board.cjs'), repoRoot, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
    timeout: 180_000,
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
