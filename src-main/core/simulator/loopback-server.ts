import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** The simulator's one HTTP server: loopback only, restartable on the same port. */

export function listen(
  port: number,
  onRequest: (request: IncomingMessage, response: ServerResponse) => void,
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(onRequest);
    server.on('upgrade', onUpgrade);
    server.once('error', reject);
    // Never anything but loopback: the simulator hands out working demo credentials.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator is not listening on TCP');
  return address.port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
