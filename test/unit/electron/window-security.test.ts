import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/web/static-files';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; contents: FakeContents }[],
  opened: [] as string[],
  preloadListeners: [] as Handler[],
  exposed: new Map<string, unknown>(),
}));

interface FakeContents {
  handlers: Map<string, Handler>;
  windowOpenHandler: Handler | null;
  permissionCheck: Handler | null;
  permissionRequest: Handler | null;
}

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    readonly webContents;
    constructor(options: Record<string, unknown>) {
      super();
      const contents: FakeContents = { handlers: new Map(), windowOpenHandler: null, permissionCheck: null, permissionRequest: null };
      this.webContents = {
        on: (event: string, handler: Handler) => contents.handlers.set(event, handler),
        setWindowOpenHandler: (handler: Handler) => (contents.windowOpenHandler = handler),
        session: {
          setPermissionCheckHandler: (handler: Handler) => (contents.permissionCheck = handler),
          setPermissionRequestHandler: (handler: Handler) => (contents.permissionRequest = handler),
        },
      };
      electron.windows.push({ options, contents });
    }
    maximize(): void {}
    loadFile(): Promise<void> {
      return Promise.resolve();
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [] },
    shell: { openExternal: async (url: string) => void electron.opened.push(url) },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async () => undefined,
      on: (_channel: string, listener: Handler) => electron.preloadListeners.push(listener),
      removeListener: (_channel: string, listener: Handler) =>
        electron.preloadListeners.splice(electron.preloadListeners.indexOf(listener), 1),
    },
  };
});

const root = join(import.meta.dirname, '../../..');

async function openWindow() {
  const { createMainWindow } = await import('../../../src-main/electron/window');
  const main = createMainWindow('/nonexistent-data-dir');
  const created = electron.windows.at(-1)!;
  return { main, ...created };
}

function preventable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

/** `default-src 'self'; script-src 'self'` to { 'default-src': ["'self'"], ... }. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0] !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match) throw new Error('src-renderer/index.html has no Content-Security-Policy meta tag');
  return match[1]!;
}

describe('the main window keeps the security baseline', () => {
  it('is created isolated, sandboxed, without Node and without webviews', async () => {
    const { options } = await openWindow();
    const preferences = options['webPreferences'] as Record<string, unknown>;
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
    });
  });

  it('never navigates away from the renderer and never attaches a webview', async () => {
    const { main, contents } = await openWindow();
    const willNavigate = contents.handlers.get('will-navigate')!;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'switchboard://oauth/callback']) {
      const event = preventable();
      willNavigate(event, url);
      expect(event.prevented, url).toBe(true);
    }
    const ownPage = preventable();
    const rendererPage = `${pathToFileURL(join(root, 'src-main/renderer/index.html')).href}#/events`;
    expect(main.isTrustedUrl(rendererPage)).toBe(true);
    willNavigate(ownPage, rendererPage);
    expect(ownPage.prevented).toBe(false);

    const attach = preventable();
    contents.handlers.get('will-attach-webview')!(attach);
    expect(attach.prevented).toBe(true);
  });

  it('denies every window.open, handing only https links to the system browser', async () => {
    const { contents } = await openWindow();
    electron.opened.length = 0;
    for (const url of ['https://dialpad.com/help', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.opened).toEqual(['https://dialpad.com/help']);
  });

  it('grants no web permission except writing to the clipboard', async () => {
    const { contents } = await openWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(contents.permissionCheck!(null, permission, 'file:///', {}), permission).toBe(false);
      const answer = vi.fn();
      contents.permissionRequest!({}, permission, answer, {});
      expect(answer, permission).toHaveBeenCalledWith(false);
    }
    expect(contents.permissionCheck!(null, 'clipboard-sanitized-write', 'file:///', {})).toBe(true);
  });
});

describe('the Content-Security-Policy of the renderer', () => {
  const policies = {
    'src-renderer/index.html meta tag': metaPolicy(readFileSync(join(root, 'src-renderer/index.html'), 'utf8')),
    'web-mode header (CONTENT_SECURITY_POLICY)': CONTENT_SECURITY_POLICY,
  };

  for (const [where, policy] of Object.entries(policies)) {
    it(`${where}: scripts from our own files only, no plugins, no base rewriting`, () => {
      const parsed = directives(policy);
      expect(policy).not.toContain("'unsafe-eval'");
      expect(parsed.get('script-src')).toEqual(["'self'"]);
      expect(parsed.get('default-src')).toEqual(["'self'"]);
      expect(parsed.get('object-src')).toEqual(["'none'"]);
      expect(parsed.get('base-uri')).toEqual(["'none'"]);
      expect(parsed.get('form-action')).toEqual(["'none'"]);
      for (const [name, sources] of parsed) {
        expect(sources.filter((source) => /^(https?:|\*|ws:|wss:)/.test(source)), name).toEqual([]);
      }
    });
  }

  it('the built renderer keeps the meta tag', () => {
    const built = join(root, 'out/renderer/index.html');
    expect(existsSync(built), 'run `npx electron-vite build` first').toBe(true);
    expect(metaPolicy(readFileSync(built, 'utf8'))).toBe(policies['src-renderer/index.html meta tag']);
  });
});

describe('the preload hands the renderer nothing but window.switchboard', () => {
  it('pushes event payloads without the IPC event object (whose sender is the raw ipcRenderer)', async () => {
    await import('../../../src-main/preload/index');
    expect([...electron.exposed.keys()]).toEqual(['switchboard']);
    const bridge = electron.exposed.get('switchboard') as { on(event: string, listener: Handler): () => void };
    const listener = vi.fn();
    const unsubscribe = bridge.on('connectionState', listener);
    const relay = electron.preloadListeners.at(-1)!;
    const ipcEvent = { sender: { send: () => undefined }, senderId: 0 };
    relay(ipcEvent, 'connectionState', { profileId: 'demo' });
    relay(ipcEvent, 'liveBatch', { events: [] });
    expect(listener.mock.calls).toEqual([[{ profileId: 'demo' }]]);
    unsubscribe();
    expect(electron.preloadListeners).not.toContain(relay);
  });

  it('the built preload requires nothing a sandboxed preload cannot load', () => {
    const built = join(root, 'out/preload/index.cjs');
    expect(existsSync(built), 'run `npx electron-vite build` first').toBe(true);
    const required = [...readFileSync(built, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
