import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type Session } from 'electron';
import { defaultBounds, keepWindowState, loadWindowState } from './window-state';

/** The security baseline of ARCHITECTURE.md, in one place so a test can read it back. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Copying a value or path to the clipboard is the one web permission the UI uses. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Chromium checks a permission first and asks only when the check fails, so both are answered. */
function limitPermissions(session: Session): void {
  session.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.has(permission));
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)));
}

export interface MainWindow {
  window: BrowserWindow;
  isTrustedUrl(url: string): boolean;
}

export function createMainWindow(dataDir: string): MainWindow {
  const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
  const devServer = process.env.ELECTRON_RENDERER_URL;
  const trustedPrefix = devServer ?? pathToFileURL(rendererIndex).href;
  const isTrustedUrl = (url: string): boolean => url.startsWith(trustedPrefix);

  const saved = loadWindowState(dataDir);
  const window = new BrowserWindow({
    ...defaultBounds(),
    ...saved.bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Switchboard',
    backgroundColor: '#14161a',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') },
  });
  if (saved.maximized) window.maximize();
  keepWindowState(window, dataDir);
  window.once('ready-to-show', () => window.show());

  // No navigation away from our renderer and no new windows; links go to the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  limitPermissions(window.webContents.session);

  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererIndex);
  return { window, isTrustedUrl };
}
