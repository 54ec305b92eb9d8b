import {
  API_METHODS,
  isApiEventName,
  type ApiEventName,
  type ApiListener,
  type ApiMethod,
  type SwitchboardBridge,
} from '../../../src-main/core/api';
import { RPC_PATH, type RpcRequest, type RpcServerMessage } from '../../../src-main/web/rpc-messages';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The web-mode transport: the same contract as the Electron bridge, carried over one WebSocket
 * to the local server that served this page (the session cookie it set authenticates us).
 */
/** Where the page was served from; the RPC socket lives on the same origin. */
export interface PageAddress {
  protocol: string;
  host: string;
}

export function createWebClient(location: PageAddress): SwitchboardBridge {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}${RPC_PATH}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Cannot reach the Switchboard server.')), { once: true });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as RpcServerMessage;
    if ('event' in data) {
      if (isApiEventName(data.event)) listeners.get(data.event)?.forEach((listener) => listener(data.payload));
      return;
    }
    if (data.id === null) return;
    const waiting = pending.get(data.id);
    if (!waiting) return;
    pending.delete(data.id);
    if ('error' in data) waiting.reject(new Error(data.error.message));
    else waiting.resolve(data.result);
  });
  socket.addEventListener('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The connection to the Switchboard server was lost.'));
    pending.clear();
  });

  const call = async (method: ApiMethod, params: unknown[]): Promise<unknown> => {
    await opened;
    if (socket.readyState !== WebSocket.OPEN) throw new Error('The connection to the Switchboard server was lost.');
    const id = nextId++;
    const request: RpcRequest = { id, method, params };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify(request));
    });
  };

  const requests = Object.fromEntries(API_METHODS.map((method) => [method, (...params: unknown[]) => call(method, params)]));
  const on = <E extends ApiEventName>(event: E, listener: ApiListener<E>): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  };
  return { ...requests, on } as SwitchboardBridge;
}

