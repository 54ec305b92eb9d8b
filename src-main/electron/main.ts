import { join } from 'node:path';
import { app, BrowserWindow, net, powerMonitor } from 'electron';
import { startCore, type Core } from '../core/service';
import { STORE_WRITER_ENTRY } from '../core/store';
import { bindApi } from './ipc';
import { chooseExportPath, chooseImportPath } from './file-dialogs';
import { installAppMenu } from './menu';
import { openInSystemBrowser, receiveProtocolUrls, registerProtocolClient } from './protocol';
import { createMainWindow, type MainWindow } from './window';

const NETWORK_POLL_MS = 5_000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  let main: MainWindow | null = null;
  const protocolUrls = receiveProtocolUrls(app, {
    argv: process.argv,
    focusWindow: () => {
      if (!main) return;
      if (main.window.isMinimized()) main.window.restore();
      main.window.focus();
    },
  });
  if (!registerProtocolClient(app, process)) {
    console.error('Switchboard: the OS did not register switchboard:// links here; OAuth sign-in can use the loopback redirect instead.');
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();
  const dataDir = app.getPath('userData');
  const core: Core = await startCore({
    dataDir,
    mode: 'desktop',
    version: app.getVersion(),
    openExternal: openInSystemBrowser,
    chooseExportPath,
    chooseImportPath,
    ...(process.env.SWITCHBOARD_SQLITE_BINDING && { sqliteNativeBinding: process.env.SWITCHBOARD_SQLITE_BINDING }),
    storeWriterScript: join(import.meta.dirname, STORE_WRITER_ENTRY),
  });
  protocolUrls.deliverTo((url) => {
    core.handleProtocolUrl(url).catch((error: unknown) => console.error('Switchboard: a switchboard:// link failed:', error));
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
