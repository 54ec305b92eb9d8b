import { resolve } from 'node:path';
import { shell, type App } from 'electron';

/**
 * The OAuth round trip of the desktop app: the sign-in page opens in the user's browser, and the
 * provider sends the browser back to `switchboard://oauth/callback`, which the OS hands to us.
 */
const PROTOCOL_SCHEME = 'switchboard';

const URL_PREFIX = `${PROTOCOL_SCHEME}://`;

/** Windows and Linux start the app (or a second instance of it) with the link as an argument. */
export function protocolUrlInArgv(argv: readonly string[]): string | null {
  return argv.find((argument) => argument.toLowerCase().startsWith(URL_PREFIX)) ?? null;
}

export type LaunchInfo = Pick<NodeJS.Process, 'defaultApp' | 'execPath' | 'argv'>;

/**
 * Makes the OS open `switchboard://` links with this app. Run from source (`electron <folder>`),
 * the OS must start Electron with the app folder too, or the link would open a bare Electron.
 * Returns false where the OS refused (in development on Linux: no installed .desktop file).
 */
export function registerProtocolClient(electronApp: Pick<App, 'setAsDefaultProtocolClient'>, launch: LaunchInfo): boolean {
  if (!launch.defaultApp) return electronApp.setAsDefaultProtocolClient(PROTOCOL_SCHEME);
  const appFolder = launch.argv[1];
  if (appFolder === undefined) return false;
  return electronApp.setAsDefaultProtocolClient(PROTOCOL_SCHEME, launch.execPath, [resolve(appFolder)]);
}

export interface ProtocolUrlInbox {
  /** From now on each link goes to `deliver`, starting with those that arrived before the core was ready. */
  deliverTo(deliver: (url: string) => void): void;
}

export interface ProtocolUrlSources {
  /** This instance's command line: a first launch by link carries the link (Windows, Linux). */
  argv: readonly string[];
  /** The user is coming back from the browser: bring the window forward. */
  focusWindow(): void;
}

/**
 * Collects links from every way the OS delivers them. Call before `app.whenReady()`: macOS emits
 * `open-url` for the link that launched the app before the app is ready.
 */
export function receiveProtocolUrls(electronApp: Pick<App, 'on'>, sources: ProtocolUrlSources): ProtocolUrlInbox {
  let deliver: ((url: string) => void) | null = null;
  const early: string[] = [];
  const receive = (url: string): void => {
    if (deliver === null) early.push(url);
    else deliver(url);
  };

  const launchUrl = protocolUrlInArgv(sources.argv);
  if (launchUrl !== null) early.push(launchUrl);
  electronApp.on('open-url', (event, url) => {
    event.preventDefault();
    sources.focusWindow();
    receive(url);
  });
  electronApp.on('second-instance', (_event, argv) => {
    sources.focusWindow();
    const url = protocolUrlInArgv(argv);
    if (url !== null) receive(url);
  });

  return {
    deliverTo(next) {
      deliver = next;
      for (const url of early.splice(0)) next(url);
    },
  };
}

/** Sign-in pages are web pages (https) or our own loopback receiver; nothing else leaves the app. */
export function isSystemBrowserUrl(url: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1');
}

export async function openInSystemBrowser(url: string): Promise<void> {
  if (!isSystemBrowserUrl(url)) {
    throw new Error('Switchboard opens only https:// and http://127.0.0.1 addresses in the browser.');
  }
  await shell.openExternal(new URL(url).href);
}
