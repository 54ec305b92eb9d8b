import {
  API_METHODS,
  isApiEventName,
  type ApiEventName,
  type ApiListener,
  type ApiMethod,
  type SwitchboardBridge,
} from '../../../src-main/core/api';
import type { RpcRequest, RpcServerMessage } from '../../../src-main/web/rpc-messages';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A channel to the web-mode server that served this page (its session cookie authenticates it). */
export interface RpcPipe {
  /** Resolves once the channel is open; rejects when the server cannot be reached. */
  readonly opened: Promise<void>;
  isOpen(): boolean;
  send(request: RpcRequest): void;
  /** Where every message from the server goes, and what to do when the channel closes. */
  listen(onMessage: (message: RpcServerMessage) => void, onClose: () => void): void;
  /** The pushed events the page has listeners for: the others need not reach it. */
  want(events: readonly ApiEventName[]): void;
}

/**
 * The web-mode transport: the same contract as the Electron bridge, over one channel to the local
 * server (in the app, a WebSocket that a worker runs and speaks JSON on: worker-pipe.ts).
 */
export function createWebClient(pipe: RpcPipe): SwitchboardBridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  const receive = (data: RpcServerMessage): void => {
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
  };
  pipe.listen(receive, () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The connection to the Switchboard server was lost.'));
    pending.clear();
  });

  const call = async (method: ApiMethod, params: unknown[]): Promise<unknown> => {
    await pipe.opened;
    if (!pipe.isOpen()) throw new Error('The connection to the Switchboard server was lost.');
    const id = nextId++;
    const request: RpcRequest = { id, method, params };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      pipe.send(request);
    });
  };

  const requests = Object.fromEntries(API_METHODS.map((method) => [method, (...params: unknown[]) => call(method, params)]));
  const wantListened = (): void => pipe.want([...listeners].filter(([, set]) => set.size > 0).map(([event]) => event));
  const on = <E extends ApiEventName>(event: E, listener: ApiListener<E>): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    if (set.size === 1) wantListened();
    return () => {
      if (set.delete(untyped) && set.size === 0) wantListened();
    };
  };
  return { ...requests, on } as SwitchboardBridge;
}

