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

// ---- profiles: the non-secret settings of one connection, one shape per provider -------------

/** Every kind of secret a profile can hold in the keychain (mirrors core/secrets/kinds.ts). */
export type SecretKindName =
  | 'apiKey'
  | 'accessToken'
  | 'refreshToken'
  | 'clientSecret'
  | 'jwtSecret'
  | 'password'
  | 'accessKey'
  | 'token';

interface ProfileBase {
  /** Letters, digits, `-` and `_`; empty when saving a new profile (the core assigns one). */
  id: string;
  name: string;
}

export type DialpadSubscriptionType = 'call' | 'sms' | 'agent_status' | 'contact' | 'changelog';

export interface DialpadOAuthSettings {
  clientId: string;
  scopes: string[];
  /** Confidential clients send a client secret (stored in the keychain as `clientSecret`). */
  clientSecretRequired: boolean;
  /** `switchboard://oauth/callback`, or `http://127.0.0.1:<port>/oauth/callback`. */
  redirect: 'protocol' | 'loopback';
}

export interface DialpadProfile extends ProfileBase {
  provider: 'dialpad';
  environment: 'production' | 'sandbox' | 'custom';
  /** The host for `custom`, e.g. `http://127.0.0.1:8080`; null otherwise. */
  customHost: string | null;
  /** Secrets: `apiKey`; or `accessToken` + `refreshToken` (+ `clientSecret`) for OAuth; `jwtSecret` optional. */
  credential: 'apiKey' | 'oauth';
  oauth: DialpadOAuthSettings | null;
  /** The websocket (endpoint) whose events are shown; kept as a string (64-bit id). */
  websocketId: string | null;
  /** `websocket`: its URL's token covers all its subscriptions; `subscription`: one subscription's token. */
  connectWith: 'websocket' | 'subscription';
  subscriptionType: DialpadSubscriptionType | null;
  subscriptionId: string | null;
  /** Overrides `<host>/api/v2`. */
  restBase: string | null;
}

export interface VoipbinProfile extends ProfileBase {
  provider: 'voipbin';
  /** `https://api.voipbin.net`; the socket is `<base as ws(s)>/v1.0/ws`. */
  baseUrl: string;
  /** Secrets: `password` for `login`, `accessKey` for `accessKey`. */
  credential: 'login' | 'accessKey';
  username: string | null;
  topics: string[];
}

export interface OpentactProfile extends ProfileBase {
  provider: 'opentact';
  /** `https://api.opentact.org/rest`. */
  restBase: string;
  /** `wss://api.opentact.org/wss` (some accounts use the root). */
  socketUrl: string;
  /** Secrets: `token` for `token`, `password` for `login`. */
  credential: 'token' | 'login';
  email: string | null;
  /** Path under restBase that deletes a subscription; `{uuid}` is replaced (undocumented by Opentact). */
  subscriptionDeletePath: string;
}

export interface WebsocketHeader {
  name: string;
  /** Empty for a secret header: its value is in the keychain as `token`. */
  value: string;
  secret: boolean;
}

export interface WebsocketProfile extends ProfileBase {
  provider: 'websocket';
  url: string;
  headers: WebsocketHeader[];
  subprotocols: string[];
  /** Text frames sent after every open (subscribe messages and the like). */
  framesAfterOpen: string[];
}

export type ProviderProfile = DialpadProfile | VoipbinProfile | OpentactProfile | WebsocketProfile;
export type ProfileProvider = ProviderProfile['provider'];

export interface SecretKindStatus {
  kind: SecretKindName;
  stored: boolean;
  /** The profile cannot connect without it (optional ones: a JWT secret, a client secret). */
  required: boolean;
}

export interface SecretStatus {
  profileId: string;
  backend: 'keychain' | 'memory';
  /** Set when secrets will not survive a restart. */
  warning: string | null;
  /** The kinds this profile's settings use. */
  kinds: SecretKindStatus[];
}

// ---- provider setup: what the app can manage at the provider --------------------------------

export interface DialpadWebsocketInfo {
  id: string;
  /** The socket URL with its token removed: shown, never used. */
  endpoint: string;
  /** When the current URL's token expires, ms since epoch, if readable. */
  tokenExpiresAt: number | null;
  signed: boolean;
}

export interface DialpadSubscriptionInfo {
  id: string;
  type: DialpadSubscriptionType;
  enabled: boolean;
  websocketId: string | null;
  /** Type-specific fields as Dialpad returned them (call_states, direction, target_type, ...). */
  fields: Record<string, unknown>;
}

export interface DialpadSubscriptionInput {
  type: DialpadSubscriptionType;
  /** Defaults to the profile's websocket. */
  websocketId?: string;
  enabled?: boolean;
  /** call: `all` or any states; Dialpad validates the names. */
  callStates?: string[];
  groupCallsOnly?: boolean;
  targetType?: string;
  targetId?: string;
  /** sms (required on create). */
  direction?: 'all' | 'inbound' | 'outbound';
  includeInternal?: boolean;
  status?: boolean;
  /** agent_status: always `callcenter`. */
  agentType?: 'callcenter';
  contactType?: 'local' | 'shared';
}

export interface OpentactSubscriptionInfo {
  uuid: string;
  type: string;
  channel: string;
  isActive: boolean;
  expiredOn: string | null;
  createdOn: string | null;
}

export interface OpentactSubscriptionInput {
  type: string;
  /** ISO date; defaults to one year from now. */
  expiredOn?: string;
  isActive?: boolean;
}

export interface VoipbinTopicCheck {
  topics?: string[];
  /** Read the topics and credential from this profile instead. */
  profileId?: string;
  credential?: VoipbinProfile['credential'];
}

export interface VoipbinTopicWarning {
  topic: string;
  problem: 'wildcard' | 'malformed' | 'agent_topic_with_access_key' | 'duplicate';
  message: string;
  /** A corrected topic to offer, when there is one. */
  suggestion: string | null;
}

/** A Dialpad OAuth sign-in under way: the browser shows `authorizationUrl`; the outcome comes as `signInResult`. */
export interface SignInStart {
  authorizationUrl: string;
  /** False in web mode: the page opens the URL itself. */
  openedBySystem: boolean;
}

export interface SignInResult {
  profileId: string;
  ok: boolean;
  message: string;
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
  /**
   * The filter language (`state = hangup AND target.name ~ /smith/i`), see core/filter/. Blank
   * means no constraint; a request with an expression that does not parse is refused.
   */
  expression?: string;
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
  /**
   * Set when a filter no index serves (a payload predicate of `filter.expression`) was checked
   * only on events with seq >= this, to keep the answer fast on a large log: the page may hold
   * fewer than `limit` events, even none. Continue with `beforeSeq: searchedDownTo`.
   */
  searchedDownTo?: number;
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

// ---- supervisor board: live calls, queues and agents derived from stored events ---------------

/** A live call's state in words shared by every provider (Dialpad's, which are the richest). */
export type BoardCallState = 'calling' | 'ringing' | 'flow' | 'queued' | 'connected' | 'hold' | 'voicemail';
export const BOARD_CALL_STATES: readonly BoardCallState[] = ['calling', 'ringing', 'flow', 'queued', 'connected', 'hold', 'voicemail'];

/** How an ended call ended: `missed` rang a person who did not answer, `abandoned` hung up waiting, `no_answer` an outbound call nobody picked up. */
export type BoardCallOutcome = 'answered' | 'voicemail' | 'abandoned' | 'missed' | 'no_answer';
export const BOARD_CALL_OUTCOMES: readonly BoardCallOutcome[] = ['answered', 'voicemail', 'abandoned', 'missed', 'no_answer'];

export type BoardAgentStatus = 'available' | 'occupied' | 'wrapup' | 'busy' | 'unavailable' | 'offline';
export const BOARD_AGENT_STATUSES: readonly BoardAgentStatus[] = ['available', 'occupied', 'wrapup', 'busy', 'unavailable', 'offline'];

/** `stale`: no event for a long time, so it may have ended without us hearing of it. */
export type BoardCallPhase = 'live' | 'stale' | 'ended';

export interface BoardParty {
  id: string | null;
  /** Null when the event named only an id (the agents list may know the name). */
  name: string | null;
}

/** One call leg as the board shows it. Times are ms since epoch: provider times where the event carries them. */
export interface BoardCall {
  /** `<provider>:<callId>`: unique on the board. */
  key: string;
  provider: ProviderId;
  callId: string;
  /** Every leg linked to this one by the provider (master, entry point, parent, chained), itself included. */
  legIds: string[];
  phase: BoardCallPhase;
  /** The live state; for an ended call, the state it was in before it ended. */
  state: BoardCallState;
  /** The provider's own word from the latest event, e.g. `progressing`, `missed`. */
  providerState: string;
  direction: 'inbound' | 'outbound' | null;
  externalNumber: string | null;
  contactName: string | null;
  agent: BoardParty | null;
  queue: BoardParty | null;
  startedAt: number;
  stateSince: number;
  /** Since when the caller has been waiting in a queue (kept across a ring-out and re-queue). */
  waitingSince: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  outcome: BoardCallOutcome | null;
  transferred: boolean;
  /** Agents that let it ring out. */
  missedCount: number;
  /** Post-call states seen after hangup, e.g. `postcall`, `recording`, `transcription`, `csat`. */
  afterCall: string[];
  eventCount: number;
  /** The event that put the call in its current state, and the latest one: the evidence. */
  stateSeq: number;
  lastSeq: number;
  /** Local clock of the latest event: what staleness is measured from. */
  lastEventReceivedAt: number;
}

export interface BoardAgent {
  /** `<provider>:<agentId>` */
  key: string;
  provider: ProviderId;
  agentId: string;
  name: string | null;
  status: BoardAgentStatus;
  /** The provider's own words, e.g. Dialpad `on_duty_status` or VoIPBin `away`. */
  providerStatus: string;
  reason: string | null;
  since: number;
  statusSeq: number;
}

export interface BoardCounters {
  /** Live calls per state (stale ones are not live). */
  byState: Record<BoardCallState, number>;
  live: number;
  stale: number;
  waiting: number;
  /** When the longest-waiting caller started waiting; null when nobody waits. */
  longestWaitSince: number | null;
  longestWaitCallKey: string | null;
  /** Calls ended within the window, by outcome. */
  ended: Record<BoardCallOutcome, number>;
  agentsByStatus: Record<BoardAgentStatus, number>;
}

export interface BoardSettings {
  /** A live call with no event for this long is marked stale. */
  staleAfterMs: number;
  /** Ended calls stay on the board this long. */
  endedWindowMs: number;
}

export interface BoardSnapshot {
  /** Increases with every pushed diff; diffs with a version up to this one are already in the snapshot. */
  version: number;
  /** The last stored event the board has taken in. */
  seq: number;
  settings: BoardSettings;
  calls: BoardCall[];
  agents: BoardAgent[];
  counters: BoardCounters;
}

export interface BoardDiff {
  version: number;
  seq: number;
  upsertedCalls: BoardCall[];
  removedCallKeys: string[];
  upsertedAgents: BoardAgent[];
  removedAgentKeys: string[];
  counters: BoardCounters;
}

/** Every stored event of a call and of every leg linked to it, in seq order. */
export interface CallTimeline {
  callKey: string;
  legIds: string[];
  events: MonitorEvent[];
  /** More events exist than were returned (the oldest are shown). */
  truncated: boolean;
}

// ---- export and import: event logs to and from files ----------------------------------------

export type ExportFormat = 'ndjson' | 'json' | 'csv';

export interface ExportRequest {
  /** `all`: every stored event; `filter`: the events matching `filter`; `selection`: exactly `seqs`. */
  scope: 'all' | 'filter' | 'selection';
  filter?: EventFilter;
  seqs?: number[];
  format: ExportFormat;
  /** Export from an opened file (OpenedFile.fileId) instead of the live log. */
  fileId?: string;
}

export type ExportState = 'running' | 'done' | 'failed' | 'canceled';

/** Pushed while an export runs, and once when it ends. */
export interface ExportStatus {
  exportId: string;
  written: number;
  total: number;
  state: ExportState;
  /** Desktop: where the file was saved. */
  file?: string;
  /** Web mode: the finished file waits at `GET /exports/<exportId>` (one download). */
  download?: boolean;
  error?: string;
}

/** A line of an opened file that is not an event: reported, never silently dropped. */
export interface FileLineError {
  /** 1-based, as an editor shows it. */
  line: number;
  message: string;
}

/** An NDJSON export opened read-only: its events are browsed with queryFileEvents. */
export interface OpenedFile {
  fileId: string;
  name: string;
  events: number;
  errorCount: number;
  /** The first errors (at most 200); `errorCount` counts them all. */
  errors: FileLineError[];
}

// ---- storage: the event log on disk and how much of it is kept --------------------------------

/** How much of the event log to keep; null is no limit. Events beyond a limit are deleted for good. */
export interface RetentionSettings {
  /** Keep at most this many events: the newest. */
  maxEvents: number | null;
  /** Delete events received longer ago than this. */
  maxAgeHours: number | null;
}

/** The event log as it is now. */
export interface EventLogFigures {
  events: number;
  /** `receivedAt` of the first and last stored events (by seq); null when the log is empty. */
  oldestReceivedAt: number | null;
  newestReceivedAt: number | null;
  /** `events.sqlite` plus its write-ahead log. */
  bytesOnDisk: number;
}

/** The latest pass that deleted events beyond the retention limits. */
export interface RetentionRun {
  finishedAt: number;
  deleted: number;
  /** Why it failed; the next pass (within a minute) tries again. */
  error: string | null;
}

/** Pushed after every retention pass that deleted events. */
export interface LogTrimmed {
  /**
   * Every event with a lower seq is gone from the log: the oldest stored event's seq, or, when the
   * pass emptied the log, the seq the next stored event will get.
   */
  keptFromSeq: number;
}

export interface StorageSettings {
  retention: RetentionSettings;
  log: EventLogFigures;
  lastRun: RetentionRun | null;
  /** Set when the saved settings could not be read and the defaults are in use instead. */
  settingsProblem: string | null;
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
  /** Settings only: secrets never leave the core. */
  getProfile(profileId: string): Promise<ProviderProfile>;
  /** Creates (empty id) or replaces a profile; rejects with every invalid field named. */
  saveProfile(profile: ProviderProfile): Promise<ProviderProfile>;
  /** Also removes its secrets from the keychain, and disconnects it. */
  deleteProfile(profileId: string): Promise<void>;
  duplicateProfile(profileId: string): Promise<ProviderProfile>;
  setSecret(profileId: string, kind: SecretKindName, value: string): Promise<SecretStatus>;
  secretStatus(profileId: string): Promise<SecretStatus>;
  clearSecret(profileId: string, kind: SecretKindName): Promise<SecretStatus>;
  listDialpadWebsockets(profileId: string): Promise<DialpadWebsocketInfo[]>;
  /** A secret makes Dialpad sign every event (it is stored as the profile's `jwtSecret`). */
  createDialpadWebsocket(profileId: string, options: { secret?: string }): Promise<DialpadWebsocketInfo>;
  deleteDialpadWebsocket(profileId: string, websocketId: string): Promise<void>;
  listDialpadSubscriptions(profileId: string, type: DialpadSubscriptionType): Promise<DialpadSubscriptionInfo[]>;
  createDialpadSubscription(profileId: string, input: DialpadSubscriptionInput): Promise<DialpadSubscriptionInfo>;
  updateDialpadSubscription(profileId: string, id: string, input: DialpadSubscriptionInput): Promise<DialpadSubscriptionInfo>;
  deleteDialpadSubscription(profileId: string, type: DialpadSubscriptionType, id: string): Promise<void>;
  listOpentactSubscriptions(profileId: string): Promise<OpentactSubscriptionInfo[]>;
  createOpentactSubscription(profileId: string, input: OpentactSubscriptionInput): Promise<OpentactSubscriptionInfo>;
  deleteOpentactSubscription(profileId: string, uuid: string): Promise<void>;
  checkVoipbinTopics(check: VoipbinTopicCheck): Promise<VoipbinTopicWarning[]>;
  /** Starts Dialpad OAuth (PKCE) in the system browser; the result is pushed as `signInResult`. */
  beginDialpadSignIn(profileId: string): Promise<SignInStart>;
  /** Revokes the profile's Dialpad grant and deletes its tokens. */
  signOutDialpad(profileId: string): Promise<void>;
  /** The supervisor board as it is now; `boardDiff` events keep it current. */
  getBoard(): Promise<BoardSnapshot>;
  /** `callKey` is a BoardCall key. */
  callTimeline(callKey: string): Promise<CallTimeline>;
  /** Desktop: asks where to save first, null when the user cancels. Progress comes as `exportProgress`. */
  startExport(request: ExportRequest): Promise<{ exportId: string } | null>;
  cancelExport(exportId: string): Promise<void>;
  /** Desktop: asks with the open dialog (null when canceled). Web: `uploadId` from `POST /imports`. */
  openNdjsonFile(uploadId?: string): Promise<OpenedFile | null>;
  queryFileEvents(fileId: string, query: EventQuery): Promise<EventPage>;
  closeFile(fileId: string): Promise<void>;
  /** The event log's size and age, and the retention limits applied to it. */
  getStorageSettings(): Promise<StorageSettings>;
  /**
   * Saves the limits and applies them at once (deleting what they exclude) before answering; a
   * deletion is pushed as `logTrimmed` before the answer, as after every scheduled pass.
   */
  setRetention(retention: RetentionSettings): Promise<StorageSettings>;
}

/** Pushed from the core to the UI. */
export interface ApiEvents {
  liveBatch: LiveBatch;
  connectionState: ConnectionStatus;
  /** Board changes, at most a few per second. */
  boardDiff: BoardDiff;
  exportProgress: ExportStatus;
  signInResult: SignInResult;
  /** Retention deleted events: whatever a window holds below `keptFromSeq` no longer exists. */
  logTrimmed: LogTrimmed;
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
  'getProfile',
  'saveProfile',
  'deleteProfile',
  'duplicateProfile',
  'setSecret',
  'secretStatus',
  'clearSecret',
  'listDialpadWebsockets',
  'createDialpadWebsocket',
  'deleteDialpadWebsocket',
  'listDialpadSubscriptions',
  'createDialpadSubscription',
  'updateDialpadSubscription',
  'deleteDialpadSubscription',
  'listOpentactSubscriptions',
  'createOpentactSubscription',
  'deleteOpentactSubscription',
  'checkVoipbinTopics',
  'beginDialpadSignIn',
  'signOutDialpad',
  'getBoard',
  'callTimeline',
  'startExport',
  'cancelExport',
  'openNdjsonFile',
  'queryFileEvents',
  'closeFile',
  'getStorageSettings',
  'setRetention',
]);

export const API_EVENTS = exactKeys<ApiEvents>()(['liveBatch', 'connectionState', 'boardDiff', 'exportProgress', 'signInResult', 'logTrimmed']);

/** Electron IPC channel for one request; the preload and the shell both derive it from here. */
export const ipcChannel = (method: ApiMethod): string => `switchboard:${method}`;
export const IPC_EVENT_CHANNEL = 'switchboard:event';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENTS as readonly string[]).includes(name);
}
