import type { ApiEventName, ApiEvents, AppInfo } from '../api';
import type { AuthError } from '../auth/auth-error';
import type { BoardService } from '../calls/board-service';
import type { CompletedFlow, PendingFlows } from '../auth/pending-flows';
import type { LiveHub, LiveSubscriber } from '../pipeline/live-push';
import type { DemoOptions } from '../profiles/demo';
import type { SourceRegistry } from '../pipeline/source-registry';
import type { EventStore } from '../store/event-store';
import type { ProfileStore } from '../profiles/profile-store';
import type { AdapterDeps } from '../providers/adapter';
import type { DialpadTokenManagers } from '../providers/dialpad-oauth';
import type { SecretStore } from '../secrets/secret-store';

export type PushFn = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/** What every handler may use: the core's long-lived parts, shared by all sessions. */
export interface CoreContext {
  info: AppInfo;
  store: EventStore;
  hub: LiveHub;
  sources: SourceRegistry;
  demo: DemoOptions;
  /** The supervisor board, fed by every stored event. */
  board: BoardService;
  /** Pushes an event to every open session. */
  broadcast: PushFn;
  log: (line: string) => void;
  /** OAuth sign-ins in progress; the custom-protocol and loopback redirects both complete them here. */
  flows: PendingFlows;
  /** Told of every sign-in callback that came back through `switchboard://`, accepted or refused. */
  signInCallbacks: Set<(callback: SignInCallback) => void>;
  /** Opens a sign-in page in the user's browser; null where no desktop shell provides one. */
  openExternal: ((url: string) => Promise<void>) | null;
  /** The user's profiles (settings only; the demo is built in and not stored here). */
  profiles: ProfileStore;
  /** Opened once at start: the keychain, or memory for this session (with a warning). */
  secrets: SecretStore;
  /** One OAuth token manager per Dialpad profile, shared by connections and setup calls. */
  dialpadTokens: DialpadTokenManagers;
  /** What provider adapters are given: secrets, fetch, OAuth tokens. */
  providers: AdapterDeps;
}

export type SignInCallback = { flow: CompletedFlow } | { error: AuthError };

/** What belongs to one client: its push channel and its live-tail credit. */
export interface SessionContext {
  push: PushFn;
  live: LiveSubscriber;
}
