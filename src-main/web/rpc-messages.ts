import type { ApiEventName, ApiEvents, ApiMethod } from '../core/api';

/** Browser -> server: one request of the API contract. */
export interface RpcRequest {
  id: number;
  method: ApiMethod;
  params: unknown[];
}

export type RpcErrorCode = 'bad_request' | 'unknown_method' | 'failed';

/** Server -> browser: the answer to one request, or an event pushed by the core. */
export type RpcServerMessage =
  | { id: number; result: unknown }
  | { id: number | null; error: { code: RpcErrorCode; message: string } }
  | { [E in ApiEventName]: { event: E; payload: ApiEvents[E] } }[ApiEventName];

export const RPC_PATH = '/rpc';
export const SESSION_COOKIE = 'switchboard_session';
