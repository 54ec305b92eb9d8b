import { API_METHODS, type ApiMethod } from '../../src-main/core/api';
import type { ApiSession, PushFn, SessionHost } from '../../src-main/core/service';

export interface RecordedCall {
  method: ApiMethod;
  args: unknown[];
}

/** A SessionHost that answers every request with its own name and remembers what it was asked. */
export function recordingHost(): SessionHost & { calls: RecordedCall[]; pushes: PushFn[]; closed: number } {
  const host = {
    calls: [] as RecordedCall[],
    pushes: [] as PushFn[],
    closed: 0,
    openSession(push: PushFn): ApiSession {
      host.pushes.push(push);
      const methods = Object.fromEntries(
        API_METHODS.map((method) => [
          method,
          async (...args: unknown[]) => {
            host.calls.push({ method, args });
            if (args[0] === 'explode') throw new Error('boom from the core');
            return { answeredBy: method };
          },
        ]),
      );
      return { ...methods, close: () => (host.closed += 1) } as unknown as ApiSession;
    },
  };
  return host;
}
