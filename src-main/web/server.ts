import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { SessionHost } from '../core/service';
import { AccessPolicy, type AccessVerdict } from './access';
import { RPC_PATH } from './rpc-messages';
import { serveRpcSession } from './rpc-session';
import { serveStatic } from './static-files';
import type { TransferFolder } from '../core/export/transfer-folder';
import { handleTransfer } from './transfer-routes';

export interface WebServerOptions {
  host: SessionHost;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Export downloads and NDJSON uploads (GET /exports/<id>, POST /imports). */
  transfers?: TransferFolder | null;
}

export interface WebServer {
  port: number;
  /** Open this to use the app: it carries the token, which the page trades for a cookie. */
  url: string;
  close(): Promise<void>;
}

const RPC_MAX_MESSAGE_BYTES = 1024 * 1024;

/** Web mode: the renderer and the API over HTTP + WebSocket, on 127.0.0.1 only. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: RPC_MAX_MESSAGE_BYTES });
  let policy: AccessPolicy | undefined;

  const server = createServer((request, response) => {
    handleHttp(policy!, options, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end('Internal error');
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const verdict = url.pathname !== RPC_PATH ? unknownPathVerdict() : checkAll(policy!, request, url, true);
    if (!verdict.ok) return rejectUpgrade(socket, verdict);
    sockets.handleUpgrade(request, socket, head, (ws) => serveRpcSession(ws, options.host));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  policy = new AccessPolicy(token, port);

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleHttp(policy: AccessPolicy, options: WebServerOptions, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  // A POST must come from our own page: browsers always send Origin on one.
  const verdict = checkAll(policy, request, url, request.method === 'POST');
  if (!verdict.ok) return respondText(response, verdict.status, verdict.message);
  if (options.transfers && (await handleTransfer(options.transfers, url, request, response))) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') return respondText(response, 405, 'Method not allowed');
  if (url.searchParams.has('token')) {
    // Trade the token in the URL for a cookie, so it leaves the address bar and history.
    response.writeHead(303, { 'Set-Cookie': policy.sessionCookie(), Location: url.pathname }).end();
    return;
  }
  await serveStatic(options.rendererDir, url.pathname, response);
}

function checkAll(policy: AccessPolicy, request: IncomingMessage, url: URL, originRequired: boolean): AccessVerdict {
  const origin = policy.checkOrigin(request, originRequired);
  return origin.ok ? policy.checkToken(request, url) : origin;
}

function unknownPathVerdict(): AccessVerdict {
  return { ok: false, status: 403, message: 'Forbidden: unknown WebSocket path.' };
}

function respondText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}

function rejectUpgrade(socket: Duplex, verdict: Extract<AccessVerdict, { ok: false }>): void {
  const reason = verdict.status === 401 ? 'Unauthorized' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${verdict.status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(verdict.message)}\r\nConnection: close\r\n\r\n${verdict.message}`,
  );
}
