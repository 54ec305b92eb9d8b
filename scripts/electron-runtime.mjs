import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules/electron');

/**
 * Makes the desktop runtime ready: Electron's binary (fetched by electron's own installer, which
 * npm install was told not to run) and better-sqlite3 built for Electron's ABI, kept apart from
 * the Node build the tests use. Returns the binary and binding, or why the desktop app cannot run.
 */
export function prepareElectron() {
  const binary = electronBinary() ?? installElectron();
  if (typeof binary !== 'string') return binary;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { problem: 'no display is available for a desktop window' };
  }
  const binding = electronSqliteBinding();
  if (typeof binding !== 'string') return binding;
  return { binary, binding };
}

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function installElectron() {
  console.log('Switchboard: fetching the Electron runtime (first start)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8' });
  const binary = electronBinary();
  if (result.status === 0 && binary) return binary;
  return { problem: `the Electron runtime could not be downloaded (${firstErrorLine(result)})` };
}

function electronSqliteBinding() {
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const target = join(root, '.cache/electron-native', `${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const nodeGyp = nodeGypScript();
  if (!nodeGyp) return { problem: 'node-gyp was not found to build SQLite for Electron (run through npm start)' };
  console.log(`Switchboard: building SQLite for Electron ${version} (first start, about a minute)…`);
  const work = mkdtempSync(join(tmpdir(), 'switchboard-sqlite-'));
  try {
    cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (path) => !path.includes('/build/') });
    const result = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, encoding: 'utf8' },
    );
    if (result.status !== 0) return { problem: `SQLite could not be built for Electron (${firstErrorLine(result)})` };
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build/Release/better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function nodeGypScript() {
  const npmCli = process.env.npm_execpath;
  const candidate = npmCli && join(dirname(npmCli), '../node_modules/node-gyp/bin/node-gyp.js');
  return candidate && existsSync(candidate) ? candidate : null;
}

function firstErrorLine(result) {
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = text.split('\n').find((candidate) => /error/i.test(candidate)) ?? text.trim().split('\n')[0] ?? '';
  return (line.trim() || `exit code ${result.status}`).slice(0, 160);
}
