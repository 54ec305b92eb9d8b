import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ServerOptions, WebSocket } from 'ws';
import type { ConnectionState, ConnectionStatus } from '../../../src-main/core/api';
import { Connection } from '../../../src-main/core/connection/connection';
import type {
  ConnectionDriver,
  ConnectionOptions,
  LifecycleEntry,
} from '../../../src-main/core/connection/connection';
import type { RawFrame } from '../../../src-main/core/providers/frame';

/** Small timings so the whole suite runs in seconds. */
export const FAST = {
  heartbeatIntervalMs: 200,
  backoff: { baseMs: 20, capMs: 200 },
  handshakeTimeoutMs: 1000,
  overlapMs: 100,
} satisfies Partial<ConnectionOptions>;

export interface Accepted {
  socket: WebSocket;
  request: IncomingMessage;
}

export class TestServer {
  readonly accepted: Accepted[] = [];
  private readonly waiting: Array<(accepted: Accepted) => void> = [];
  private taken = 0;

  private constructor(readonly wss: WebSocketServer) {
    wss.on('connection', (socket, request) => {
      this.accepted.push({ socket, request });
      this.handOut();
    });
  }

  static async start(options: Omit<ServerOptions, 'host'> = {}): Promise<TestServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    return new TestServer(wss);
  }

  get port(): number {
    return (this.wss.address() as AddressInfo).port;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The next accepted socket (one already accepted and not yet taken counts). */
  nextSocket(timeoutMs = 3000): Promise<Accepted> {
    const next = new Promise<Accepted>((resolve) => this.waiting.push(resolve));
    this.handOut();
    return withTimeout(next, timeoutMs, 'a server-side socket');
  }

  private handOut(): void {
    while (this.waiting.length > 0 && this.taken < this.accepted.length) {
      this.waiting.shift()!(this.accepted[this.taken]!);
      this.taken += 1;
    }
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

export interface Recording {
  states: ConnectionState[];
  statuses: ConnectionStatus[];
  frames: RawFrame[];
  lifecycle: LifecycleEntry[];
  texts(): string[];
  types(): string[];
  entries(type: string): LifecycleEntry[];
}

export function record(connection: Connection): Recording {
  const recording: Recording = {
    states: [],
    statuses: [],
    frames: [],
    lifecycle: [],
    texts: () => recording.frames.map((frame) => frame.data.toString()),
    types: () => recording.lifecycle.map((entry) => entry.type),
    entries: (type) => recording.lifecycle.filter((entry) => entry.type === type),
  };
  connection.on('state', (status) => {
    recording.states.push(status.state);
    recording.statuses.push(status);
  });
  connection.on('frame', (frame) => recording.frames.push(frame));
  connection.on('lifecycle', (entry) => recording.lifecycle.push(entry));
  return recording;
}

/** Everything a test opened, closed in afterEach so no test leaks into the next. */
export class TestScope {
  private readonly connections: Connection[] = [];
  private readonly servers: TestServer[] = [];
  private readonly cleanups: Array<() => void> = [];

  async server(options: Omit<ServerOptions, 'host'> = {}): Promise<TestServer> {
    const server = await TestServer.start(options);
    this.servers.push(server);
    return server;
  }

  connection(options: Partial<ConnectionOptions> & Pick<ConnectionOptions, 'driver'>): Connection {
    const connection = new Connection({ profileId: 'profile-1', connectionId: 'conn-1', ...FAST, ...options });
    this.connections.push(connection);
    return connection;
  }

  onDispose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  async dispose(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await Promise.all(this.connections.splice(0).map((connection) => connection.stop('test over')));
    await Promise.all(this.servers.splice(0).map((server) => server.close()));
  }
}

export function staticDriver(url: string, extra: Partial<ConnectionDriver> = {}): ConnectionDriver {
  return { resolveTarget: async () => ({ url }), ...extra };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** A port nothing listens on (it was free a moment ago). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resource kinds keeping the event loop alive, counted, to prove stop() leaves nothing behind. */
export function activeHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
