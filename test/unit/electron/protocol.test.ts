import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ opened: [] as string[] }));

vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
}));

const { isSystemBrowserUrl, openInSystemBrowser, protocolUrlInArgv, receiveProtocolUrls, registerProtocolClient } = await import(
  '../../../src-main/electron/protocol'
);

const CALLBACK = 'switchboard://oauth/callback?code=abc&state=xyz';

/** Stands in for Electron's `app`: an emitter whose events carry a preventable Event first. */
function fakeApp(): EventEmitter & { openUrl(url: string): { defaultPrevented: boolean }; secondInstance(argv: string[]): void } {
  const app = new EventEmitter();
  return Object.assign(app, {
    openUrl(url: string) {
      const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
      app.emit('open-url', event, url);
      return event;
    },
    secondInstance(argv: string[]) {
      app.emit('second-instance', { preventDefault: () => undefined }, argv, '/home/user', {});
    },
  });
}

describe('switchboard:// links reach the core exactly once each', () => {
  beforeEach(() => {
    electron.opened.length = 0;
  });

  it('finds the link among the arguments Windows and Linux start the app with', () => {
    expect(protocolUrlInArgv(['C:\\Switchboard\\Switchboard.exe', CALLBACK])).toBe(CALLBACK);
    expect(protocolUrlInArgv(['/usr/bin/electron', '/src/switchboard', '--no-sandbox', CALLBACK])).toBe(CALLBACK);
    expect(protocolUrlInArgv(['/opt/Switchboard/switchboard', 'SWITCHBOARD://oauth/callback?state=a'])).toBe(
      'SWITCHBOARD://oauth/callback?state=a',
    );
    expect(protocolUrlInArgv(['/opt/Switchboard/switchboard', '--flag=switchboard://x', 'https://example.com'])).toBeNull();
    expect(protocolUrlInArgv([])).toBeNull();
  });

  it('queues links that arrive before the core is ready, then delivers them in order', () => {
    const app = fakeApp();
    const focusWindow = vi.fn();
    const inbox = receiveProtocolUrls(app as never, { argv: ['/opt/Switchboard/switchboard', CALLBACK], focusWindow });
    const early = app.openUrl('switchboard://oauth/callback?state=second');
    expect(early.defaultPrevented).toBe(true);

    const delivered: string[] = [];
    inbox.deliverTo((url) => delivered.push(url));
    expect(delivered).toEqual([CALLBACK, 'switchboard://oauth/callback?state=second']);

    app.openUrl('switchboard://oauth/callback?state=third');
    expect(delivered).toHaveLength(3);
    expect(delivered[2]).toBe('switchboard://oauth/callback?state=third');
    expect(focusWindow).toHaveBeenCalledTimes(2);
  });

  it('a second instance focuses the window and hands over its link, or only focuses without one', () => {
    const app = fakeApp();
    const focusWindow = vi.fn();
    const inbox = receiveProtocolUrls(app as never, { argv: ['/opt/Switchboard/switchboard'], focusWindow });
    const delivered: string[] = [];
    inbox.deliverTo((url) => delivered.push(url));

    app.secondInstance(['/opt/Switchboard/switchboard', '--allow-file-access-from-files', CALLBACK]);
    expect(focusWindow).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([CALLBACK]);

    app.secondInstance(['/opt/Switchboard/switchboard']);
    expect(focusWindow).toHaveBeenCalledTimes(2);
    expect(delivered).toEqual([CALLBACK]);
  });

  it('registers the packaged app as itself, and a development run as Electron plus the app folder', () => {
    const packaged = { setAsDefaultProtocolClient: vi.fn(() => true) };
    expect(registerProtocolClient(packaged, { defaultApp: false, execPath: '/opt/Switchboard/switchboard', argv: ['/opt/Switchboard/switchboard'] })).toBe(true);
    expect(packaged.setAsDefaultProtocolClient).toHaveBeenCalledWith('switchboard');

    const development = { setAsDefaultProtocolClient: vi.fn(() => false) };
    const launch = { defaultApp: true, execPath: '/src/node_modules/electron/dist/electron', argv: ['/src/node_modules/electron/dist/electron', '.'] };
    expect(registerProtocolClient(development, launch)).toBe(false);
    expect(development.setAsDefaultProtocolClient).toHaveBeenCalledWith('switchboard', launch.execPath, [resolve('.')]);

    const noFolder = { setAsDefaultProtocolClient: vi.fn(() => true) };
    expect(registerProtocolClient(noFolder, { defaultApp: true, execPath: '/electron', argv: ['/electron'] })).toBe(false);
    expect(noFolder.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('opens only https pages and the loopback receiver in the system browser', async () => {
    expect(isSystemBrowserUrl('https://dialpad.com/oauth2/authorize?state=x')).toBe(true);
    expect(isSystemBrowserUrl('http://127.0.0.1:43123/oauth/callback')).toBe(true);
    for (const refused of [
      'http://dialpad.com/',
      'http://localhost:8080/',
      'http://127.0.0.1.evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'switchboard://oauth/callback',
      'https://user:pass@dialpad.com/',
      'not a url',
    ]) {
      expect(isSystemBrowserUrl(refused), refused).toBe(false);
      await expect(openInSystemBrowser(refused)).rejects.toThrow(/only https/);
    }
    await openInSystemBrowser('https://dialpad.com/oauth2/authorize?state=x');
    expect(electron.opened).toEqual(['https://dialpad.com/oauth2/authorize?state=x']);
  });
});
