import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run dist [-- <electron-builder options>]`: builds the app, then this OS's installers into
 * dist/ (configuration: electron-builder.yml). electron-builder rebuilds better-sqlite3 for
 * Electron's ABI inside node_modules; the Node build that the tests, web mode and the CLI load is
 * put back afterwards, whether packaging worked or not.
 */
const root = join(import.meta.dirname, '..');
const nodeBinding = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

const run = (script, args) => spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run('node_modules/electron-vite/bin/electron-vite.js', ['build']);
if (built !== 0) process.exit(built);

const keep = mkdtempSync(join(tmpdir(), 'switchboard-node-sqlite-'));
const kept = join(keep, 'better_sqlite3.node');
if (existsSync(nodeBinding)) copyFileSync(nodeBinding, kept);
let packaged = 1;
try {
  packaged = run('node_modules/electron-builder/cli.js', process.argv.slice(2));
} finally {
  if (existsSync(kept)) copyFileSync(kept, nodeBinding);
  rmSync(keep, { recursive: true, force: true });
}
process.exit(packaged);
