import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { isApiMethod } from '../../../src-main/core/api';
import { startWebServer, type WebServer } from '../../../src-main/web/server';
import { recordingHost } from '../../support/recording-host';

let server: WebServer;
let socket: WebSocket;
const host = recordingHost();

beforeAll(async () => {
  server = await startWebServer({ host, rendererDir: '/nonexistent', token: 'fuzz' });
  socket = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, {
    headers: { Origin: `http://127.0.0.1:${server.port}`, Cookie: 'switchboard_session=fuzz' },
  });
  await new Promise((resolve) => socket.once('open', resolve));
});

afterAll(async () => {
  socket.close();
  await server.close();
});

function exchange(message: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>));
    socket.send(message);
  });
}

const messages = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record({
      id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double()),
      method: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'close', 'hasOwnProperty'), fc.string({ maxLength: 20 })).filter((name) => !isApiMethod(name)),
      params: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
    })
    .map((value) => JSON.stringify(value)),
);

describe('web-mode RPC under generated messages', () => {
  it('answers every malformed or unknown request with an RPC error and calls nothing', async () => {
    await fc.assert(
      fc.asyncProperty(messages, async (message) => {
        const reply = await exchange(message);
        expect(reply.error).toMatchObject({ code: expect.stringMatching(/^(bad_request|unknown_method)$/) });
        expect(String((reply.error as { message: string }).message).length).toBeGreaterThan(5);
      }),
      { numRuns: 1_500 },
    );
    expect(host.calls).toHaveLength(0);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});
