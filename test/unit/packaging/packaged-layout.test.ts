import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs the app exactly as `npm run dist` would (electron-builder.yml, its file filters, asar and
 * asarUnpack), but as an unpacked Linux directory around a stand-in Electron, because the real
 * binary cannot be downloaded here. What is checked is our app inside it: resources/app.asar
 * and resources/app.asar.unpacked.
 */
const root = join(import.meta.dirname, '../../..');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const asar = fromBuilder('@electron/asar') as { listPackage(archive: string, options: object): string[]; extractFile(archive: string, file: string): Buffer };
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };

let work = '';
let resources = '';
let inAsar: string[] = [];

beforeAll(() => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `npx electron-vite build` first').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
  const fakeElectron = join(work, 'electron');
  mkdirSync(join(fakeElectron, 'resources'), { recursive: true });
  writeFileSync(join(fakeElectron, 'electron'), '#!/bin/sh\n');
  chmodSync(join(fakeElectron, 'electron'), 0o755);
  writeFileSync(join(fakeElectron, 'version'), readJson(join(root, 'node_modules/electron/package.json')).version);
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${fakeElectron}`,
      `-c.directories.output=${join(work, 'dist')}`,
      // Rebuilding better-sqlite3 for Electron needs Electron's headers from the network.
      '-c.npmRebuild=false',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  resources = join(work, 'dist/linux-unpacked/resources');
  inAsar = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((path) => path.replaceAll('\\', '/').replace(/^\//, ''));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function readJson(file: string): { version: string } {
  return JSON.parse(readFileSync(file, 'utf8')) as { version: string };
}

describe('the packaged app (electron-builder --linux dir)', () => {
  it('holds the built main, preload and renderer, and the manifest pointing at main', () => {
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(inAsar, file).toContain(file);
    }
    const packed = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main: string };
    expect(packed.main).toBe(manifest.main);
  });

  it('carries no sources, tests, build resources or development dependencies', () => {
    const outside = inAsar.filter((path) => !/^(out|node_modules)(\/|$)/.test(path) && path !== 'package.json');
    expect(outside).toEqual([]);
    for (const devOnly of ['electron', 'electron-builder', 'vite', 'svelte', 'vitest', 'typescript', 'playwright-core']) {
      expect(inAsar, devOnly).not.toContain(`node_modules/${devOnly}`);
    }
    for (const dependency of Object.keys(manifest.dependencies)) expect(inAsar, dependency).toContain(`node_modules/${dependency}`);
  });

  it('unpacks every native module beside app.asar, where Electron loads it from', () => {
    const natives = inAsar.filter((path) => path.endsWith('.node'));
    expect(natives).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(natives.some((path) => path.startsWith('node_modules/@napi-rs/keyring'))).toBe(true);
    for (const file of natives) expect(existsSync(join(resources, 'app.asar.unpacked', file)), file).toBe(true);
  });

  it('leaves out SQLite sources and build intermediates', () => {
    const sqlite = inAsar.filter((path) => path.startsWith('node_modules/better-sqlite3/') && !path.startsWith('node_modules/better-sqlite3/lib'));
    expect(sqlite.sort()).toEqual(
      [
        'node_modules/better-sqlite3/LICENSE',
        'node_modules/better-sqlite3/build',
        'node_modules/better-sqlite3/build/Release',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'node_modules/better-sqlite3/package.json',
      ].sort(),
    );
  });
});
