import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  API_METHODS,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  type ApiEventName,
  type ApiListener,
  type SwitchboardBridge,
} from '../core/api';

/**
 * Builds window.switchboard from the contract's method list: one invoke per method and one
 * listener registry for pushed events. The raw ipcRenderer never leaves this file.
 */
function createBridge(): SwitchboardBridge {
  const requests = Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(method), ...args)]),
  );
  const on = <E extends ApiEventName>(event: E, listener: ApiListener<E>): (() => void) => {
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as Parameters<ApiListener<E>>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  };
  return { ...requests, on } as SwitchboardBridge;
}

contextBridge.exposeInMainWorld('switchboard', createBridge());
