/**
 * Child process of the benchmark: a WebSocket server on 127.0.0.1 that sends every client the same
 * stream of Dialpad frames as fast as the socket takes them. It runs in its own process so the
 * sender never competes with the receiver being measured for the same event loop.
 * Prints `listening <port>`; ends when the parent closes stdin, or after MAX_LIFETIME_MS.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dialpadCallFrame } from './dialpad-frames';

/** Frames handed to ws before waiting for them to reach the kernel: keeps the pipe full, memory flat. */
const FRAMES_PER_WRITE = 256;
const MAX_LIFETIME_MS = 180_000;

async function blast(socket: WebSocket, count: number): Promise<void> {
  for (let start = 0; start < count && socket.readyState === socket.OPEN; start += FRAMES_PER_WRITE) {
    const end = Math.min(count, start + FRAMES_PER_WRITE);
    for (let index = start; index < end - 1; index++) socket.send(dialpadCallFrame(index));
    await new Promise<void>((resolve) => socket.send(dialpadCallFrame(end - 1), () => resolve()));
  }
}

function main(count: number): void {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => void blast(socket, count));
  server.on('listening', () => process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`));
  const stop = (): void => {
    for (const client of server.clients) client.terminate();
    server.close(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  setTimeout(stop, MAX_LIFETIME_MS).unref();
}

const count = Number(process.argv[2]);
if (!Number.isSafeInteger(count) || count < 1) {
  process.stderr.write('usage: node blast-server.cjs <frames per connection>\n');
  process.exit(2);
}
main(count);
