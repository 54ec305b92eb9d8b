import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AuthError } from './auth-error';
import { CALLBACK_PAGE_HEADERS, callbackPage } from './callback-page';
import { LOOPBACK_CALLBACK_PATH, LOOPBACK_HOST, loopbackRedirectUri } from './callback-url';
import { FLOW_LIFETIME_MS, type CompletedFlow, type PendingFlows } from './pending-flows';

export interface LoopbackReceiverOptions {
  flows: PendingFlows;
  /** 0 or absent: a random free port, as RFC 8252 section 7.3 recommends. */
  port?: number;
  timeoutMs?: number;
}

export interface LoopbackReceiver {
  port: number;
  /** Give this to `PendingFlows.start` as the flow's redirect URI. */
  redirectUri: string;
  /** The accepted callback; rejects with `AuthError` on a provider error for our flow or on timeout. */
  result: Promise<CompletedFlow>;
  close(): Promise<void>;
}

/**
 * RFC 8252 loopback redirect on 127.0.0.1. It hands each callback to the same
 * `completeCallback` the custom protocol uses, and closes after the first callback that settles
 * a flow (accepted, or refused by the provider) or after the timeout. A stray request with an
 * unknown state gets an error page but does not end the wait, so it cannot cancel a real sign-in.
 */
export async function startLoopbackReceiver(options: LoopbackReceiverOptions): Promise<LoopbackReceiver> {
  const timeoutMs = options.timeoutMs ?? FLOW_LIFETIME_MS;
  let settle: { resolve: (flow: CompletedFlow) => void; reject: (error: AuthError) => void } | undefined;
  const result = new Promise<CompletedFlow>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A caller that only closes the receiver must not see an unhandled rejection.
  result.catch(() => undefined);

  let port = 0;
  let done = false;
  const finish = (outcome: { flow: CompletedFlow } | { error: AuthError }): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // Settle only once the port is free again, so "done" really means nothing is listening.
    void close().then(() => {
      if ('flow' in outcome) settle?.resolve(outcome.flow);
      else settle?.reject(outcome.error);
    });
  };

  const server = createServer((request, response) => {
    const outcome = handle(request, port, options.flows);
    const settles = outcome.settles;
    // 'close' fires once the page is sent, and also when the browser went away before that.
    if (settles !== undefined) response.once('close', () => finish(settles));
    respond(response, outcome.status, outcome.body);
  });
  const close = (): Promise<void> => closeServer(server);

  port = await listen(server, options.port ?? 0);
  const timer = setTimeout(
    () => finish({ error: new AuthError('loopback_timeout', 'No sign-in callback arrived in time. Start the sign-in again.') }),
    timeoutMs,
  );
  return {
    port,
    redirectUri: loopbackRedirectUri(port),
    result,
    close: async () => {
      finish({ error: new AuthError('sign_in_cancelled', 'The sign-in was cancelled.') });
      await close();
    },
  };
}

interface Handled {
  status: number;
  /** An HTML page for the user, or a plain text line for requests that are not a callback. */
  body: { html: string } | { text: string };
  settles?: { flow: CompletedFlow } | { error: AuthError };
}

function handle(request: IncomingMessage, port: number, flows: PendingFlows): Handled {
  const path = (request.url ?? '').split('?', 1)[0];
  if (path !== LOOPBACK_CALLBACK_PATH) return { status: 404, body: { text: 'Not found' } };
  if (request.method !== 'GET') return { status: 405, body: { text: 'Method not allowed' } };
  // DNS rebinding: a page on another name resolving to 127.0.0.1 must not reach this.
  if (request.headers.host !== `${LOOPBACK_HOST}:${port}`) return { status: 400, body: { text: 'Wrong host' } };
  try {
    const flow = flows.completeCallback(`http://${LOOPBACK_HOST}:${port}${request.url ?? ''}`);
    return { status: 200, body: { html: callbackPage({ ok: true }) }, settles: { flow } };
  } catch (error) {
    const refusal = error instanceof AuthError ? error : new AuthError('callback_malformed', 'The sign-in callback could not be read.');
    const settlesOurFlow = refusal.kind === 'provider_error' || refusal.kind === 'code_missing' || refusal.kind === 'issuer_mismatch';
    const body = { html: callbackPage({ ok: false, message: refusal.message }) };
    return { status: 400, body, ...(settlesOurFlow ? { settles: { error: refusal } } : {}) };
  }
}

function respond(response: ServerResponse, status: number, body: Handled['body']): void {
  if ('html' in body) {
    response.writeHead(status, CALLBACK_PAGE_HEADERS);
    response.end(body.html);
  } else {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body.text);
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the loopback receiver is not listening on TCP'));
      else resolve(address.port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
