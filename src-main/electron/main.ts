import { app, BrowserWindow, net, powerMonitor } from 'electron';
import { startCore, type Core } from '../core/service';
import { bindApi } from './ipc';
import { installAppMenu } from './menu';
import { createMainWindow, type MainWindow } from './window';

const NETWORK_POLL_MS = 5_000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  let main: MainWindow | null = null;
  app.on('second-instance', () => {
    if (!main) return;
    if (main.window.isMinimized()) main.window.restore();
    main.window.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();
  const dataDir = app.getPath('userData');
  const core: Core = await startCore({
    dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    ...(process.env.SWITCHBOARD_SQLITE_BINDING && { sqliteNativeBinding: process.env.SWITCHBOARD_SQLITE_BINDING }),
  });
  installAppMenu(dataDir);
  watchSystemHealth(core);

  const open = (): void => {
    main = createMainWindow(dataDir);
    const unbind = bindApi(core, main.window.webContents, main.isTrustedUrl);
    main.window.on('closed', () => {
      unbind();
      main = null;
    });
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
}

/** Sleep, wake and network changes leave sockets half-open: make each one prove it is alive. */
function watchSystemHealth(core: Core): void {
  powerMonitor.on('resume', () => core.healthCheck('the system woke from sleep'));
  powerMonitor.on('unlock-screen', () => core.healthCheck('the screen was unlocked'));
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now !== online) core.healthCheck(now ? 'the network came back' : 'the network went away');
    online = now;
  }, NETWORK_POLL_MS).unref();
}
