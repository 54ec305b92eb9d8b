import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startThroughput, type Throughput } from './throughput';

/** The ceiling: a plain ws client that only counts messages, from socket open to the last one. */
export function measureRawReceive(url: string, count: number, timeoutMs: number): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let received = 0;
    let openedAt = 0;
    const measure = startThroughput();
    const finish = (): void => {
      clearTimeout(timer);
      const result = measure(received, performance.now() - openedAt);
      socket.terminate();
      resolve(result);
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('open', () => (openedAt = performance.now()));
    socket.on('message', () => {
      received++;
      if (received === count) finish();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
