// `npm run bench:ui`: bundles the Monitor UI benchmark (test/bench/ui-bench.ts) with vite, as
// run.mjs does for the ingest benchmark, runs it with plain node, and removes the bundle.
// It drives the built renderer (out/renderer): run `npm run build` first after renderer changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const repoRoot = resolve(import.meta.dirname, '../..');
if (!existsSync(join(repoRoot, 'out/renderer/index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first.');
  process.exit(1);
}
const bundleDir = mkdtempSync(join(tmpdir(), 'switchboard-ui-bench-bundle-'));
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
        input: { 'ui-bench': join(repoRoot, 'test/bench/ui-bench.ts') },
        external: [/^better-sqlite3$/, /^ws$/, /^playwright-core$/, /^@napi-rs\/keyring$/, /^node:/],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  });
  const run = spawnSync(process.execPath, [join(bundleDir, 'ui-bench.cjs'), repoRoot, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(bundleDir, { recursive: true, force: true });
}
