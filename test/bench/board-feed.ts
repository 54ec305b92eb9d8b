import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SwitchboardApi } from '../../src-main/core/api';

/*
 * A stand-in Dialpad on 127.0.0.1 for the board benchmark: the REST route the Dialpad adapter
 * reads (GET /api/v2/websockets/<id> → websocket_url) and that websocket, which sends Dialpad call
 * and agent_status events (shape of test/fixtures/providers/dialpad-*.json) for a fixed number of
 * concurrent calls. Each call walks calling → queued → ringing → connected → (hold → connected)
 * → hangup, one step every 1.5–6 s; a call that hangs up is replaced at once by a new one, so the
 * number of live calls stays at `concurrentCalls` while states keep changing.
 */

const STEPS = ['calling', 'queued', 'ringing', 'connected', 'hold', 'connected', 'hangup'] as const;
type Step = (typeof STEPS)[number];
const BASE_CALL_ID = 6_524_329_623_650_304_000n;
const BASE_AGENT_ID = 5_235_518_231_109_632n;
const QUEUES = ['Sales', 'Support', 'Billing', 'Returns', 'VIP'] as const;
const TICK_MS = 50;

interface Slot {
  callId: string;
  step: number;
  startedAt: number;
  connectedAt: number | null;
  nextAt: number;
  external: string;
}

export interface BoardFeed {
  readonly restBase: string;
  readonly websocketId: string;
  framesSent(): number;
  close(): Promise<void>;
}

/**
 * Saves a Dialpad profile aimed at the feed, with its API key, and connects it, as a user does
 * in the Profiles view. Returns the profile id.
 */
export async function connectFeedProfile(api: SwitchboardApi, feed: BoardFeed, name: string): Promise<string> {
  const profile = await api.saveProfile({
    id: '',
    name,
    provider: 'dialpad',
    environment: 'custom',
    customHost: feed.restBase.replace(/\/api\/v2$/, ''),
    credential: 'apiKey',
    oauth: null,
    websocketId: feed.websocketId,
    connectWith: 'websocket',
    subscriptionType: null,
    subscriptionId: null,
    restBase: feed.restBase,
  } as never);
  await api.setSecret(profile.id, 'apiKey', 'feed-api-key');
  await api.connect(profile.id);
  return profile.id;
}

/** Deterministic PRNG (mulberry32) so two runs send the same traffic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startBoardFeed(concurrentCalls: number, seed = 500): Promise<BoardFeed> {
  const rand = random(seed);
  const sockets = new Set<WebSocket>();
  let callCounter = 0;
  let sent = 0;
  const stepDelay = (): number => 1_500 + rand() * 4_500;

  const agentName = (slot: number): string => `Agent ${String(slot + 1).padStart(3, '0')}`;
  const agentId = (slot: number): string => (BASE_AGENT_ID + BigInt(slot)).toString();
  const queueOf = (slot: number): { id: string; name: string } => ({
    id: String(4_800_000_000_000_001n + BigInt(slot % QUEUES.length)),
    name: `${QUEUES[slot % QUEUES.length]!} queue`,
  });

  const newCall = (now: number): Slot => {
    const n = callCounter++;
    return {
      callId: (BASE_CALL_ID + BigInt(n)).toString(),
      step: 0,
      startedAt: now,
      connectedAt: null,
      nextAt: now + stepDelay(),
      external: `+1415${String(5_550_000 + (n % 10_000_000)).slice(-7)}`,
    };
  };

  const callFrame = (index: number, call: Slot, state: Step, now: number): string => {
    const queue = queueOf(index);
    const onAgent = state === 'ringing' || state === 'connected' || state === 'hold' || state === 'hangup';
    const target = onAgent
      ? `{"id":${agentId(index)},"type":"user","name":"${agentName(index)}","phone":"+14155550150"}`
      : `{"id":${queue.id},"type":"callcenter","name":"${queue.name}","phone":"+14155550199"}`;
    const ended = state === 'hangup' ? now : null;
    return (
      `{"date_started":${call.startedAt},"call_id":${call.callId},"external_number":"${call.external}",` +
      `"internal_number":"+14155550199","date_rang":${state === 'calling' || state === 'queued' ? null : call.startedAt},` +
      `"date_connected":${call.connectedAt},"date_ended":${ended},` +
      `"duration":${ended === null || call.connectedAt === null ? null : ended - call.connectedAt},"total_duration":null,` +
      `"direction":"inbound","state":"${state}","target":${target},"entry_point_call_id":${call.callId},` +
      `"entry_point_target":{"id":${queue.id},"type":"callcenter","name":"${queue.name}","email":"","phone":"+14155550199"},` +
      `"contact":{"id":"c-${call.callId.slice(-8)}","type":"shared","name":"Caller ${call.callId.slice(-4)}","phone":"${call.external}"},` +
      `"master_call_id":${call.callId},"group_id":"Callcenter:${queue.id}","is_transferred":false,"was_recorded":false,` +
      `"labels":["bench"],"recording_details":[],"custom_data":null,"event_timestamp":${now}}`
    );
  };

  const agentFrame = (index: number, onDuty: 'occupied' | 'available', now: number): string =>
    `{"availability_status":"available","call_center_ids":[${queueOf(index).id}],"date":${now},` +
    `"on_duty_status":"${onDuty}","on_duty_status_reason":${onDuty === 'occupied' ? '"On a call"' : 'null'},` +
    `"target":{"id":${agentId(index)},"name":"${agentName(index)}","email":"agent${index + 1}@example.com","phone_number":"+14155550150","type":"user"},` +
    `"event_timestamp":${now}}`;

  const send = (frame: string): void => {
    for (const socket of sockets) socket.send(frame);
    sent++;
  };

  // Every slot starts with an agent status and a call at a random point of its life.
  const slots: Slot[] = [];
  const start = Date.now();
  for (let index = 0; index < concurrentCalls; index++) {
    const call = newCall(start);
    call.step = Math.floor(rand() * 4);
    call.nextAt = start + rand() * 3_000;
    slots.push(call);
  }

  const tick = (): void => {
    if (sockets.size === 0) return;
    const now = Date.now();
    for (let index = 0; index < slots.length; index++) {
      const call = slots[index]!;
      if (call.nextAt > now) continue;
      const state = STEPS[call.step]!;
      if (state === 'connected' && call.connectedAt === null) {
        call.connectedAt = now;
        send(agentFrame(index, 'occupied', now));
      }
      send(callFrame(index, call, state, now));
      if (state === 'hangup') {
        send(agentFrame(index, 'available', now));
        const next = newCall(now);
        send(callFrame(index, next, 'calling', now));
        next.step = 1;
        slots[index] = next;
      } else {
        call.step++;
        call.nextAt = now + stepDelay();
      }
    }
  };
  const timer = setInterval(tick, TICK_MS);

  const websocketId = '7001';
  let port = 0;
  const http: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === `/api/v2/websockets/${websocketId}`) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"id":${websocketId},"websocket_url":"ws://127.0.0.1:${port}/events/bench","signature":null}`);
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":404,"message":"not found"}}');
  });
  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    if (!request.url?.startsWith('/events/')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;

  return {
    restBase: `http://127.0.0.1:${port}/api/v2`,
    websocketId,
    framesSent: () => sent,
    close: async () => {
      clearInterval(timer);
      for (const socket of sockets) socket.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
