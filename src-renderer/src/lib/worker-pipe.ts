import type { ApiEventName } from '../../../src-main/core/api';
import type { RpcRequest, RpcServerMessage } from '../../../src-main/web/rpc-messages';
import type { RpcPipe } from './web-client';

/** What the page tells the socket worker. */
export type PageToSocketWorker = { kind: 'send'; request: RpcRequest } | { kind: 'want'; events: ApiEventName[] };

/** What the socket worker tells the page. */
export type SocketWorkerToPage = { kind: 'open' } | { kind: 'error' } | { kind: 'close' } | { kind: 'message'; message: RpcServerMessage };

/**
 * Web mode's pipe to the server: the WebSocket runs in a worker (rpc-socket.worker.ts) that also
 * decodes the JSON and drops pushed events nothing on the page listens to. Receiving the live tail
 * (megabytes a second at full rate) then happens off the thread that draws the list; the page only
 * takes in the decoded messages it uses.
 */
export function workerPipe(): RpcPipe {
  const worker = new Worker(new URL('./rpc-socket.worker.ts', import.meta.url), { type: 'module', name: 'switchboard-rpc' });
  const post = (message: PageToSocketWorker): void => worker.postMessage(message);
  let open = false;
  let onMessage: (message: RpcServerMessage) => void = () => {};
  let onClose: () => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', ({ data }: MessageEvent<SocketWorkerToPage>) => {
      if (data.kind === 'message') onMessage(data.message);
      else if (data.kind === 'open') {
        open = true;
        resolve();
      } else if (data.kind === 'error') reject(new Error('Cannot reach the Switchboard server.'));
      else {
        open = false;
        onClose();
      }
    });
  });
  return {
    opened,
    isOpen: () => open,
    send: (request) => post({ kind: 'send', request }),
    want: (events) => post({ kind: 'want', events: [...events] }),
    listen: (message, close) => {
      onMessage = message;
      onClose = close;
    },
  };
}
