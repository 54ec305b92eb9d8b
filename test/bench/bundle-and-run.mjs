// Benchmarks are TypeScript on the core: each `npm run bench*` bundles its entry with vite into a
// temp folder, runs it with plain node, and removes the bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * @param {{ entry: string, extraInputs?: Record<string, string>, nodeArgs?: string[], timeoutMs?: number }} bench
 *   entry and extraInputs are paths under test/bench/; the bench gets the repo root and this
 *   script's arguments.
 */
export async function bundleAndRun({ entry, extraInputs = {}, nodeArgs = [], timeoutMs }) {
  const bundleDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-bundle-'));
  const inputs = Object.fromEntries(
    Object.entries({ main: entry, ...extraInputs }).map(([name, file]) => [name, join(repoRoot, 'test/bench', file)]),
  );
  try {
    await build({
      configFile: false,
      root: repoRoot,
      logLevel: 'warn',
      build: {
        ssr: true,
        outDir: bundleDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: {
          input: inputs,
          external: [/^better-sqlite3$/, /^ws$/, /^playwright-core$/, /^@napi-rs\/keyring$/, /^node:/],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    });
    // The bundle lives outside the repo: its native and CJS dependencies resolve from the repo's node_modules.
    const run = spawnSync(process.execPath, [...nodeArgs, join(bundleDir, 'main.cjs'), repoRoot, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
      ...(timeoutMs && { timeout: timeoutMs }),
    });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}
