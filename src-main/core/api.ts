/**
 * THE contract between the UI and the core. Every transport (Electron IPC through the preload,
 * the web-mode WebSocket RPC) and the renderer client are built from the two name lists at the
 * bottom, which the compiler checks against the interfaces: add a method here and every binding
 * picks it up, or the build fails.
 */

export type ProviderId = 'dialpad' | 'voipbin' | 'opentact' | 'websocket' | 'file';

/** One stored and shown event: a provider event or a `system.*` lifecycle entry. */
export interface MonitorEvent {
  seq: number;
  connectionId: string;
  provider: ProviderId;
  /** Local clock, ms since epoch. */
  receivedAt: number;
  /** From the payload when it carries a time, ms since epoch. */
  occurredAt: number | null;
  topic: string;
  /** Normalized, e.g. `call.ringing`, `agent.status`, `system.connected`, `system.malformed`. */
  type: string;
  callId: string | null;
  summary: string;
  /** The frame exactly as received: text, or base64 when `rawEncoding` is `base64` (binary frames). */
  raw: string;
  rawEncoding: 'text' | 'base64';
  /** Decoded JSON, or null when the frame is not JSON. */
  payload: unknown;
  /** JWT signature check: true / false, null when the frame was not signed. */
  verified: boolean | null;
}

export type ConnectionState =
  | 'idle'
  | 'connecting'
  | 'handshaking'
  | 'live'
  | 'rotating'
  | 'reconnecting'
  | 'closed'
  | 'failed';

export interface ConnectionStatus {
  profileId: string;
  connectionId: string;
  state: ConnectionState;
  /** When the connection entered `state`, ms since epoch. */
  since: number;
  reason: string | null;
  closeCode: number | null;
  reconnects: number;
  /** When the current credential or socket URL expires, if known. */
  tokenExpiresAt: number | null;
  /** When the next reconnect attempt is due, while `reconnecting`. */
  retryAt: number | null;
}

export interface ProfileSummary {
  id: string;
  name: string;
  provider: ProviderId;
  /** A short line about where it connects, never containing a secret. */
  target: string;
  isDemo: boolean;
}

export interface EventFilter {
  providers?: ProviderId[];
  connectionIds?: string[];
  topics?: string[];
  types?: string[];
  callId?: string;
  /** Full-text search over summary and raw frame. */
  text?: string;
  fromTime?: number;
  toTime?: number;
}

export interface EventQuery {
  /** Page of events with seq < beforeSeq (newest first when set), or the newest page when neither is set. */
  beforeSeq?: number;
  /** Page of events with seq > afterSeq (oldest first). */
  afterSeq?: number;
  limit: number;
  filter?: EventFilter;
}

export interface EventPage {
  /** Always in ascending seq order. */
  events: MonitorEvent[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
}

export interface LiveBatch {
  batchId: number;
  events: MonitorEvent[];
  /** Events stored since the previous batch that this client did not get (it had no credit). */
  skipped: number;
}

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'web';
  platform: string;
  dataDir: string;
}

export interface SwitchboardApi {
  getAppInfo(): Promise<AppInfo>;
  listProfiles(): Promise<ProfileSummary[]>;
  listConnections(): Promise<ConnectionStatus[]>;
  connect(profileId: string): Promise<ConnectionStatus>;
  disconnect(profileId: string): Promise<ConnectionStatus>;
  queryEvents(query: EventQuery): Promise<EventPage>;
  getEvent(seq: number): Promise<MonitorEvent | null>;
  /** Returns one unit of live-push credit: the client has rendered batch `batchId`. */
  ackLiveBatch(batchId: number): Promise<void>;
}

/** Pushed from the core to the UI. */
export interface ApiEvents {
  liveBatch: LiveBatch;
  connectionState: ConnectionStatus;
}

export type ApiMethod = keyof SwitchboardApi;
export type ApiEventName = keyof ApiEvents;

export type ApiListener<E extends ApiEventName> = (payload: ApiEvents[E]) => void;

/** What the renderer holds: the requests plus a way to listen to pushed events. */
export interface SwitchboardBridge extends SwitchboardApi {
  on<E extends ApiEventName>(event: E, listener: ApiListener<E>): () => void;
}

type ExactKeys<T, List extends readonly PropertyKey[]> =
  Exclude<keyof T, List[number]> extends never
    ? Exclude<List[number], keyof T> extends never
      ? List
      : never
    : never;

function exactKeys<T>() {
  return <const List extends readonly (keyof T)[]>(list: ExactKeys<T, List>): List => list;
}

export const API_METHODS = exactKeys<SwitchboardApi>()([
  'getAppInfo',
  'listProfiles',
  'listConnections',
  'connect',
  'disconnect',
  'queryEvents',
  'getEvent',
  'ackLiveBatch',
]);

export const API_EVENTS = exactKeys<ApiEvents>()(['liveBatch', 'connectionState']);

/** Electron IPC channel for one request; the preload and the shell both derive it from here. */
export const ipcChannel = (method: ApiMethod): string => `switchboard:${method}`;
export const IPC_EVENT_CHANNEL = 'switchboard:event';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENTS as readonly string[]).includes(name);
}
