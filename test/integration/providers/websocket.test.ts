import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WebsocketProfile } from '../../../src-main/core/api';
import { websocketAdapter } from '../../../src-main/core/providers/websocket-adapter';
import { adapterDeps, providerEvents, runSource, waitFor, type RunningSource } from './helpers';

let server: WebSocketServer | null = null;
const running: RunningSource[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

interface Seen {
  request: IncomingMessage;
  socket: WebSocket;
  received: string[];
}

async function startServer(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => (protocols.has('events.v2') ? 'events.v2' : false) });
  server.on('connection', (socket, request) => {
    const entry: Seen = { request, socket, received: [] };
    seen.push(entry);
    socket.on('message', (data: Buffer) => {
      entry.received.push(data.toString('utf8'));
      // Answer once the client has said everything it sends after open.
      if (entry.received.length === 2) {
        socket.send(JSON.stringify({ type: 'hello', n: 1 }));
        socket.send(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]), { binary: true });
        socket.send('plain text');
      }
    });
  });
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/feed?x=1`, seen };
}

describe('raw WebSocket adapter', () => {
  it('sends headers (secret one from the keychain), the subprotocol and the frames after open; stores text, JSON and binary frames', async () => {
    const { url, seen } = await startServer();
    const deps = adapterDeps();
    await deps.secrets.set('ws1', 'token', 'Bearer s3cret-value');
    const profile: WebsocketProfile = {
      id: 'ws1',
      name: 'Raw test',
      provider: 'websocket',
      url,
      headers: [
        { name: 'X-Client', value: 'switchboard-test', secret: false },
        { name: 'Authorization', value: '', secret: true },
      ],
      subprotocols: ['events.v2'],
      framesAfterOpen: ['{"op":"subscribe","channel":"calls"}', 'ping'],
    };
    const source = runSource(websocketAdapter.createSource(profile, deps));
    running.push(source);
    await waitFor(() => providerEvents(source).length === 3, 'three frames');

    const [first] = seen;
    expect(first?.request.headers['x-client']).toBe('switchboard-test');
    expect(first?.request.headers['authorization']).toBe('Bearer s3cret-value');
    expect(first?.request.headers['sec-websocket-protocol']).toBe('events.v2');
    expect(first?.received).toEqual(['{"op":"subscribe","channel":"calls"}', 'ping']);

    const [json, binary, text] = providerEvents(source);
    expect(json).toMatchObject({ type: 'message.json', payload: { type: 'hello', n: 1 }, rawEncoding: 'text' });
    expect(binary).toMatchObject({ type: 'message.binary', rawEncoding: 'base64', raw: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]).toString('base64') });
    expect(text).toMatchObject({ type: 'message.text', raw: 'plain text' });
    expect(JSON.stringify(source.stored)).not.toContain('s3cret-value');
  });

  it('fails rather than connecting without the secret header value', async () => {
    const { url, seen } = await startServer();
    const profile: WebsocketProfile = {
      id: 'ws2',
      name: 'Raw test',
      provider: 'websocket',
      url,
      headers: [{ name: 'Authorization', value: '', secret: true }],
      subprotocols: [],
      framesAfterOpen: [],
    };
    const source = runSource(websocketAdapter.createSource(profile, adapterDeps()));
    running.push(source);
    await waitFor(() => source.connection.status.state === 'failed', 'failed');
    expect(source.connection.status.reason).toMatch(/no value is stored for the secret header Authorization/);
    expect(seen).toEqual([]);
  });
});
