import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BusinessEvent, GroundTruth } from './business-events';
import { ContactCenter } from './contact-center';
import { DEMO_CREDENTIALS, type DemoCredentials } from './demo-credentials';
import { DialpadDirectory } from './dialpad-directory';
import { DialpadSocketServer } from './dialpad-socket';
import { FaultState, SIM_PROVIDERS, type FaultSwitches, type ProviderCounters, type SimProvider } from './faults';
import { DialpadOAuth } from './dialpad-oauth';
import { DialpadRest, renderDialpadError } from './dialpad-rest';
import { HttpRouter, sendJson } from './http-router';
import { boundPort, closeServer, listen } from './loopback-server';
import type { OpentactShape } from './opentact-format';
import { OpentactServer, renderOpentactError } from './opentact-server';
import { createRandom } from './prng';
import type { ProviderSocketServer } from './provider-server';
import { SocketPool } from './socket-pool';
import { TrafficPump } from './traffic-pump';
import { renderVoipbinError, VoipbinServer } from './voipbin-server';

export type { AgentStatus, BusinessEvent, CallState, GroundTruth, LiveCallState } from './business-events';
export type { FaultSwitches, MalformedKind, ProviderCounters, SimProvider } from './faults';
export type { DemoCredentials } from './demo-credentials';
export type { OpentactShape } from './opentact-format';

export interface SimulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Business events per second, 0.1 .. 50,000 (default 8: a lively demo). */
  rate?: number;
  seed?: number;
  /** Lifetime of Dialpad socket tokens; the socket is closed when it ends (default 3600). */
  tokenLifetimeSec?: number;
  /** Dialpad REST requests per second before HTTP 429 (default 20, like Dialpad; 0 = no limit). */
  dialpadRequestsPerSecond?: number;
  /** VoIPBin server ping interval (default 10 s) and how long without a pong before it drops the socket (default 60 s). */
  voipbinPingIntervalMs?: number;
  voipbinPongTimeoutMs?: number;
  /** VoIPBin frames as `{type, data}` instead of bare resources (default false). */
  voipbinWrapped?: boolean;
  /** Opentact frame generation: 2024, 2022, or a mix of both (default 2024). */
  opentactShape?: OpentactShape;
}

export interface Simulator {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** Simulator-only demo credentials (they open nothing but this simulator). */
  readonly demo: DemoCredentials;
  /** Creates (once) a demo websocket subscribed to call, agent_status and sms, and returns a fresh URL for it. */
  demoDialpadSocket(): Promise<{ url: string; expiresAt: number }>;
  setRate(eventsPerSecond: number): void;
  groundTruth(): GroundTruth;
  readonly faults: FaultSwitches;
  /** Closes every socket and timer. */
  close(): Promise<void>;
}

const DEFAULT_RATE = 8;
const DEFAULT_SEED = 20240611;
const DEFAULT_TOKEN_LIFETIME_SEC = 3600;
const DIALPAD_REQUESTS_PER_SECOND = 20;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const tokenLifetimeSec = Math.max(1, options.tokenLifetimeSec ?? DEFAULT_TOKEN_LIFETIME_SEC);
  // Directory ids come from their own stream so REST calls never shift the traffic sequence.
  const idRandom = createRandom(seed ^ 0x5f3759df);
  const model = new ContactCenter({ seed, rate: options.rate ?? DEFAULT_RATE, startTime: Date.now() });
  const faultState = new FaultState();
  const dialpadDirectory = new DialpadDirectory(idRandom, () => tokenLifetimeSec);
  const demo: DemoCredentials = { ...DEMO_CREDENTIALS };

  let port = 0;
  const dialpadOAuth = new DialpadOAuth(() => faultState.rejectsCredentials('dialpad'));
  const dialpadRest = new DialpadRest(dialpadDirectory, dialpadOAuth, {
    apiKey: demo.dialpadApiKey,
    requestsPerSecond: options.dialpadRequestsPerSecond ?? DIALPAD_REQUESTS_PER_SECOND,
    socketBaseUrl: () => `ws://127.0.0.1:${port}`,
    rejectsCredentials: () => faultState.rejectsCredentials('dialpad'),
  });
  const voipbin = new VoipbinServer(
    {
      customerId: demo.voipbinCustomerId,
      username: demo.voipbinUsername,
      password: demo.voipbinPassword,
      accessKey: demo.voipbinAccessKey,
      agentPassword: demo.voipbinPassword,
      agents: () => model.agents,
      pingIntervalMs: options.voipbinPingIntervalMs ?? 10_000,
      pongTimeoutMs: options.voipbinPongTimeoutMs ?? 60_000,
      wrapped: options.voipbinWrapped ?? false,
    },
    faultState,
  );
  const opentact = new OpentactServer(
    { email: demo.opentactEmail, password: demo.opentactPassword, shape: options.opentactShape ?? '2024', socketPaths: ['/wss', '/'] },
    faultState,
    idRandom,
  );
  const dialpadRouter = new HttpRouter();
  dialpadRest.register(dialpadRouter);
  dialpadOAuth.register(dialpadRouter);
  const voipbinRouter = new HttpRouter();
  voipbin.register(voipbinRouter);
  const opentactRouter = new HttpRouter();
  opentact.register(opentactRouter);
  // Each API answers errors in its own provider's shape.
  const apis = [
    { router: dialpadRouter, renderError: renderDialpadError },
    { router: voipbinRouter, renderError: renderVoipbinError },
    { router: opentactRouter, renderError: renderOpentactError },
  ];

  const socketServers: ProviderSocketServer[] = [new DialpadSocketServer(dialpadDirectory, faultState), voipbin, opentact];
  const publish = (events: readonly BusinessEvent[]): void => {
    for (const server of socketServers) server.publish(events);
  };
  const pump = new TrafficPump(model, publish);

  const handleRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const api = apis.find(({ router }) => router.knows(url.pathname));
    if (api === undefined) {
      sendJson(response, 404, { error: { code: 404, message: `No route for ${request.method ?? ''} ${url.pathname}` } });
      return;
    }
    void api.router.handle(request, response, url, api.renderError);
  };
  const handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    for (const server of socketServers) {
      if (server.handleUpgrade(request, socket, head, url)) return;
    }
    SocketPool.rejectUpgrade(socket, 404, 'Not Found');
  };

  let httpServer = await listen(options.port ?? 0, handleRequest, handleUpgrade);
  port = boundPort(httpServer);
  pump.start();

  let demoWebsocketId: string | null = null;
  const byProvider = (provider: SimProvider | undefined): ProviderSocketServer[] =>
    socketServers.filter((server) => provider === undefined || server.provider === provider);

  const stopListening = async (): Promise<void> => {
    await Promise.all(socketServers.map((server) => server.shutdown()));
    await closeServer(httpServer);
  };

  const faults: FaultSwitches = {
    dropSockets: (provider) => byProvider(provider).reduce((sum, server) => sum + server.dropSockets(), 0),
    setHalfOpen: (provider, on) => faultState.setHalfOpen(provider, on),
    setFrameDelay: (provider, ms) => faultState.setFrameDelay(provider, ms),
    sendMalformed: (provider, kind) => byProvider(provider).reduce((sum, server) => sum + server.sendMalformed(kind), 0),
    setRejectCredentials: (provider, on) => faultState.setRejectCredentials(provider, on),
    expireTokens: (provider) => byProvider(provider).reduce((sum, server) => sum + server.expireSockets(), 0),
    restart: async (downtimeMs = 0) => {
      await stopListening();
      if (downtimeMs > 0) await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      httpServer = await listen(port, handleRequest, handleUpgrade);
    },
    counters: () => {
      const counters = {} as Record<SimProvider, ProviderCounters>;
      for (const provider of SIM_PROVIDERS) {
        counters[provider] = byProvider(provider)[0]?.counters() ?? { framesSent: 0, framesDropped: 0, openSockets: 0 };
      }
      return counters;
    },
    clear: () => faultState.clear(),
  };

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    demo,
    async demoDialpadSocket() {
      if (demoWebsocketId === null || !dialpadDirectory.websockets.has(demoWebsocketId)) {
        const websocket = dialpadDirectory.createWebsocket(null);
        demoWebsocketId = websocket.id;
        const common = { websocketId: websocket.id, enabled: true, groupCallsOnly: false, targetType: null, targetId: null, extra: {} };
        dialpadDirectory.addSubscription({ ...common, type: 'call', callStates: null, direction: null });
        dialpadDirectory.addSubscription({ ...common, type: 'agent_status', callStates: null, direction: null });
        dialpadDirectory.addSubscription({ ...common, type: 'sms', callStates: null, direction: 'all' });
      }
      const { token, expiresAt } = dialpadDirectory.issueToken(demoWebsocketId, null);
      return { url: `ws://127.0.0.1:${port}/events/${token}`, expiresAt };
    },
    setRate: (eventsPerSecond) => model.setRate(eventsPerSecond),
    groundTruth: () => model.groundTruth(),
    faults,
    async close() {
      pump.stop();
      await stopListening();
    },
  };
}
