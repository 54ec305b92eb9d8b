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

/**
 * Every frame is built before the server listens: on a 2-core machine the sender shares the CPU
 * with the receiver being measured, so it does no more per frame than hand bytes to the socket.
 */
function buildFrames(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => Buffer.from(dialpadCallFrame(index)));
}

async function blast(socket: WebSocket, frames: readonly Buffer[]): Promise<void> {
  const text = { binary: false };
  for (let start = 0; start < frames.length && socket.readyState === socket.OPEN; start += FRAMES_PER_WRITE) {
    const end = Math.min(frames.length, start + FRAMES_PER_WRITE);
    for (let index = start; index < end - 1; index++) socket.send(frames[index]!, text);
    await new Promise<void>((resolve) => socket.send(frames[end - 1]!, text, () => resolve()));
  }
}

function main(count: number): void {
  const frames = buildFrames(count);
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket) => void blast(socket, frames));
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
