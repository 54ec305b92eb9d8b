import type { RpcServerMessage } from '../../../src-main/web/rpc-messages';
import { RPC_PATH } from '../../../src-main/web/rpc-messages';
import type { PageToSocketWorker, SocketWorkerToPage } from './worker-pipe';

/** The little of a dedicated worker's global scope this uses (the renderer is typed with the DOM lib). */
interface SocketWorkerScope {
  location: { protocol: string; host: string };
  postMessage(message: SocketWorkerToPage): void;
  onmessage: ((event: MessageEvent<PageToSocketWorker>) => void) | null;
}

// The RPC socket of web mode, off the page's main thread (see worker-pipe.ts). The worker is served
// from the page's origin, so the socket goes to the same server with the same session cookie.
const scope = self as unknown as SocketWorkerScope;
const scheme = scope.location.protocol === 'https:' ? 'wss:' : 'ws:';
const socket = new WebSocket(`${scheme}//${scope.location.host}${RPC_PATH}`);
/** Pushed events the page has listeners for; the page says so before the socket can deliver any. */
const wanted = new Set<string>();

socket.addEventListener('open', () => scope.postMessage({ kind: 'open' }));
socket.addEventListener('error', () => scope.postMessage({ kind: 'error' }));
socket.addEventListener('close', () => scope.postMessage({ kind: 'close' }));
socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as RpcServerMessage;
  // E.g. the board's diffs, pushed to every session, while the board has never been opened.
  if ('event' in message && !wanted.has(message.event)) return;
  scope.postMessage({ kind: 'message', message });
});

scope.onmessage = ({ data }) => {
  if (data.kind === 'want') {
    wanted.clear();
    for (const name of data.events) wanted.add(name);
  } else {
    // The page sends only once the socket is open.
    socket.send(JSON.stringify(data.request));
  }
};
