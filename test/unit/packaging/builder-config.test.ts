import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_SCHEME_REDIRECT_URI } from '../../../src-main/core/auth/callback-url';

/**
 * No installer can be built where the tests run, so the electron-builder configuration is checked
 * by electron-builder's own loader, schema and desktop-entry writer, and against the built app.
 */
const root = join(import.meta.dirname, '../../..');
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { LinuxTargetHelper } = fromBuilder('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: unknown) => { computeDesktopEntry(options: unknown): Promise<string> };
};
const { Minimatch } = fromBuilder('minimatch') as { Minimatch: new (pattern: string, options: object) => { match(path: string): boolean } };

interface PlatformConfig {
  target?: unknown;
  [key: string]: unknown;
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  /** electron-builder's loader turns the list of globs into file sets. */
  files?: (string | { filter?: string[] })[];
  asarUnpack?: string[];
  protocols?: { name: string; schemes: string[] }[];
  icon?: string;
  mac?: PlatformConfig;
  linux?: PlatformConfig;
  win?: PlatformConfig;
  nsis?: PlatformConfig;
  [key: string]: unknown;
}

const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  description: string;
  desktopName?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const config = await getConfig(root, null, null);

function targetNames(platform: PlatformConfig | undefined): string[] {
  const targets = Array.isArray(platform?.target) ? platform.target : [platform?.target];
  return targets.map((target) => (typeof target === 'string' ? target : (target as { target: string }).target));
}

/** The directory of an installed package, as Node would find it from `fromDir`. */
function packageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = join(dir, '..')) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) return null;
  }
}

/** Every installed package the packaged app carries: `dependencies` and what they pull in. */
function productionPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string): void => {
    const dir = packageDir(name, fromDir);
    if (dir === null || found.has(dir)) return;
    found.set(dir, name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    // Optional dependencies are the per-OS native builds (@napi-rs/keyring-<os>-<cpu>); only this machine's is installed.
    for (const dependency of Object.keys({ ...manifest['dependencies'], ...manifest['optionalDependencies'] })) visit(dependency, dir);
  };
  for (const name of Object.keys(packageJson.dependencies)) visit(name, root);
  return found;
}

function nativeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.node'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.slice(relative(root, dir).length).includes('/node_modules/'));
}

function isUnpacked(file: string): boolean {
  return (config.asarUnpack ?? []).some((pattern) => new Minimatch(pattern, { dot: true }).match(file));
}

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Bare module specifiers a built file imports or requires (relative imports are part of the bundle). */
function bareImports(code: string): string[] {
  const statements = [
    /^(?:import|export)\s[^'";]*?\bfrom\s*["']([^"']+)["']/gm,
    /^import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const specifiers = statements.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
  return specifiers.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/'));
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(c|m)?js$/.test(file))
    .map((file) => join(dir, file));
}

describe('electron-builder.yml', () => {
  it('is what electron-builder loads, and passes its own schema', { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('app.switchboard.desktop');
    expect(config.productName).toBe('Switchboard');
  });

  it('registers the scheme of the OAuth redirect URI', () => {
    const scheme = new URL(CUSTOM_SCHEME_REDIRECT_URI).protocol.slice(0, -1);
    expect(config.protocols?.flatMap((protocol) => protocol.schemes)).toEqual([scheme]);
  });

  it('packages the build and the manifest only (electron-builder adds the production dependencies)', () => {
    const patterns = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
    const included = patterns.filter((pattern) => !pattern.startsWith('!') && !pattern.startsWith('node_modules/'));
    expect(included).toEqual(['out/**/*', 'package.json']);
    expect(packageJson.devDependencies['electron'], 'electron-builder refuses electron outside devDependencies').toBeDefined();
    expect(packageJson.dependencies['electron']).toBeUndefined();
  });

  it('keeps every native module of the production dependencies out of app.asar', () => {
    const natives = [...productionPackages().keys()].flatMap(nativeFiles);
    expect(natives.some((file) => file.endsWith('better_sqlite3.node'))).toBe(true);
    expect(natives.some((file) => file.includes('@napi-rs/keyring'))).toBe(true);
    for (const file of natives) expect(isUnpacked(file), `${file} must match an asarUnpack glob`).toBe(true);
  });

  it('builds a dmg, an AppImage and a deb, and an NSIS installer', () => {
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
  });

  it('signs macOS builds with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.['hardenedRuntime']).toBe(true);
    expect(config.mac?.['category']).toBe('public.app-category.developer-tools');
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(root, config.mac?.[key] as string), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]);
      expect(granted, key).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('installs per user on Windows and registers switchboard:// there', () => {
    expect(config.nsis?.['perMachine']).toBe(false);
    const include = readFileSync(join(root, config.nsis?.['include'] as string), 'utf8');
    expect(include).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\switchboard" "URL Protocol"[\s\S]*!macroend/);
    expect(include).toMatch(/shell\\open\\command" "" '"\$appExe" "%1"'/);
    expect(include).toMatch(/!macro customUnInstall\s+DeleteRegKey SHELL_CONTEXT "Software\\Classes\\switchboard"/);
  });

  it('writes a Linux desktop entry that opens switchboard:// links', async () => {
    const linux = config.linux ?? {};
    const packager = {
      appInfo: { productName: 'Switchboard', sanitizedProductName: 'Switchboard', description: packageJson.description },
      executableName: linux['executableName'],
      info: { metadata: packageJson },
      config,
      platformSpecificBuildOptions: linux,
      fileAssociations: [],
    };
    const entry = await new LinuxTargetHelper(packager).computeDesktopEntry(linux);
    const lines = entry.split('\n');
    expect(lines).toContain('MimeType=x-scheme-handler/switchboard;');
    expect(lines).toContain('Categories=Network;Development;');
    expect(lines).toContain('Exec=/opt/Switchboard/switchboard %U');
    expect(lines).toContain('Icon=switchboard');
    // Electron names its window after desktopName: the entry must carry the same name to group it.
    expect(`${linux['executableName']}.desktop`).toBe(packageJson.desktopName);
    expect(lines).toContain('StartupWMClass=switchboard');
  });

  it('has the icon in every size, all rendered from build/icon.svg', () => {
    expect(readFileSync(join(root, 'build/icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 1024 1024"/);
    // macOS .icns and Windows .ico are converted by electron-builder from this (at least 512 and 256).
    expect(config.icon).toBe('build/icon.png');
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(config.linux?.['icon']).toBe('build/icons');
    const linuxIcons = readdirSync(join(root, 'build/icons')).sort();
    expect(linuxIcons).toEqual(ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of ICON_SIZES) expect(pngSize(join(root, `build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
  });
});

describe('the built main bundle loads only what the packaged app carries', () => {
  const outMain = join(root, 'out/main');

  it('imports nothing but Node built-ins, electron, and production dependencies', () => {
    expect(existsSync(outMain), 'run `npx electron-vite build` first').toBe(true);
    const builtins = new Set(builtinModules);
    const imported = new Set(
      builtFiles(outMain)
        .flatMap((file) => bareImports(readFileSync(file, 'utf8')))
        .filter((specifier) => !specifier.startsWith('node:') && !builtins.has(specifier) && specifier !== 'electron')
        .map(packageNameOf),
    );
    expect(imported.has('better-sqlite3')).toBe(true);
    for (const name of imported) {
      expect(packageJson.dependencies[name], `${name} is imported by out/main but is not in "dependencies"`).toBeDefined();
    }
  });

  it('finds each native module of those imports at a path that is unpacked', () => {
    const packages = productionPackages();
    const imported = new Set(builtFiles(outMain).flatMap((file) => bareImports(readFileSync(file, 'utf8'))).map(packageNameOf));
    const natives = [...packages]
      .filter(([dir]) => [...imported].some((name) => relative(root, dir).split(sep).join('/').startsWith(`node_modules/${name}`)))
      .flatMap(([dir]) => nativeFiles(dir));
    expect(natives.length).toBeGreaterThan(0);
    for (const file of natives) expect(isUnpacked(file), `${file} must match an asarUnpack glob`).toBe(true);
  });
});
