import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel, type ApiEventName, type SwitchboardBridge } from '../../src-main/core/api';
import { RPC_PATH, type RpcServerMessage } from '../../src-main/web/rpc-messages';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { createWebClient, type RpcPipe } from '../../src-renderer/src/lib/web-client';
import { recordingHost } from '../support/recording-host';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => electron.invoked.push({ channel, args }),
    on: () => undefined,
    removeListener: () => undefined,
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

describe('the API contract is what every transport carries', () => {
  let server: WebServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('the preload exposes exactly the contract on window.switchboard, one IPC channel per method', async () => {
    await import('../../src-main/preload/index');
    const bridge = electron.exposed.get('switchboard') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect([...electron.exposed.keys()]).toEqual(['switchboard']);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'on'].sort());
    for (const method of API_METHODS) await bridge[method]!('arg-for-' + method);
    expect(electron.invoked).toEqual(API_METHODS.map((method) => ({ channel: ipcChannel(method), args: ['arg-for-' + method] })));
  });

  it('the Electron shell handles exactly those channels and refuses a foreign sender', async () => {
    const { bindApi } = await import('../../src-main/electron/ipc');
    const host = recordingHost();
    const contents = { isDestroyed: () => false, send: vi.fn() };
    const unbind = bindApi(host, contents as never, (url) => url.startsWith('file:///app/'));
    expect([...electron.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());

    const trusted = { sender: contents, senderFrame: { url: 'file:///app/index.html' } };
    for (const method of API_METHODS) {
      await expect(electron.handlers.get(ipcChannel(method))!(trusted, 'x')).resolves.toEqual({ answeredBy: method });
    }
    expect(host.calls.map((call) => call.method)).toEqual([...API_METHODS]);

    const foreignFrame = { sender: contents, senderFrame: { url: 'https://evil.example/' } };
    const foreignContents = { sender: {}, senderFrame: { url: 'file:///app/index.html' } };
    expect(() => electron.handlers.get(ipcChannel('listProfiles'))!(foreignFrame)).toThrow(/untrusted sender/);
    expect(() => electron.handlers.get(ipcChannel('listProfiles'))!(foreignContents)).toThrow(/untrusted sender/);
    expect(host.calls).toHaveLength(API_METHODS.length);

    host.pushes[0]!('connectionState', { profileId: 'demo' } as never);
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'connectionState', { profileId: 'demo' });
    unbind();
    expect(electron.handlers.size).toBe(0);
    expect(host.closed).toBe(1);
  });

  it('web mode serves every method and pushes events through the renderer client', async () => {
    const host = recordingHost();
    server = await startWebServer({ host, rendererDir: '/nonexistent', token: 'contract-token' });
    // The page's pipe is this socket run in a worker (worker-pipe.ts); here it is the socket itself.
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${RPC_PATH}`, {
      headers: { Origin: `http://127.0.0.1:${server.port}`, Cookie: 'switchboard_session=contract-token' },
    });
    const wanted: ApiEventName[][] = [];
    const pipe: RpcPipe = {
      opened: new Promise((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      }),
      isOpen: () => socket.readyState === WebSocket.OPEN,
      send: (request) => socket.send(JSON.stringify(request)),
      listen: (onMessage, onClose) => {
        socket.on('message', (data) => onMessage(JSON.parse(String(data)) as RpcServerMessage));
        socket.on('close', onClose);
      },
      want: (events) => wanted.push([...events]),
    };
    const client: SwitchboardBridge = createWebClient(pipe);
    expect(Object.keys(client).sort()).toEqual([...API_METHODS, 'on'].sort());

    for (const method of API_METHODS) {
      const call = client[method] as (...args: unknown[]) => Promise<unknown>;
      await expect(call('x')).resolves.toEqual({ answeredBy: method });
    }
    expect(host.calls.map((call) => call.method)).toEqual([...API_METHODS]);
    await expect(client.connect('explode')).rejects.toThrow('boom from the core');

    let stop = (): void => {};
    const received = new Promise((resolve) => (stop = client.on('connectionState', resolve)));
    // The worker is told which pushed events the page listens to, so it can drop the others.
    expect(wanted).toEqual([['connectionState']]);
    host.pushes[0]!('connectionState', { profileId: 'demo' } as never);
    await expect(received).resolves.toEqual({ profileId: 'demo' });
    stop();
    expect(wanted).toEqual([['connectionState'], []]);
    socket.close();
  });
});
