import type { WebSocket } from 'ws';
import { isApiMethod, type ApiEventName, type ApiEvents } from '../core/api';
import type { SessionHost } from '../core/service';
import type { RpcErrorCode, RpcServerMessage } from './rpc-messages';

/** One browser tab: its own API session (and live-push credit), fed by JSON requests on one socket. */
export function serveRpcSession(socket: WebSocket, host: SessionHost): void {
  const send = (message: RpcServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const session = host.openSession(<E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    send({ event, payload } as RpcServerMessage);
  });

  const fail = (id: number | null, code: RpcErrorCode, message: string): void => send({ id, error: { code, message } });

  socket.on('message', (data, isBinary) => {
    if (isBinary) return fail(null, 'bad_request', 'Binary messages are not part of the RPC protocol.');
    let request: unknown;
    try {
      request = JSON.parse(data.toString());
    } catch {
      return fail(null, 'bad_request', 'The message is not valid JSON.');
    }
    if (typeof request !== 'object' || request === null) return fail(null, 'bad_request', 'The message must be a JSON object.');
    const { id, method, params } = request as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return fail(null, 'bad_request', 'The message needs a numeric "id".');
    if (!isApiMethod(method)) return fail(id, 'unknown_method', `Unknown method ${JSON.stringify(method)}.`);
    if (!Array.isArray(params)) return fail(id, 'bad_request', '"params" must be an array.');
    const handler = session[method] as (...args: unknown[]) => Promise<unknown>;
    handler.apply(session, params).then(
      (result) => send({ id, result: result ?? null }),
      (error: unknown) => fail(id, 'failed', error instanceof Error ? error.message : String(error)),
    );
  });
  socket.on('close', () => session.close());
}
