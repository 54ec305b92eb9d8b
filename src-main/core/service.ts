import { join } from 'node:path';
import type { AppInfo, SwitchboardApi } from './api';
import { AuthError, isAuthError } from './auth/auth-error';
import { CUSTOM_SCHEME_REDIRECT_URI, isCallbackTarget } from './auth/callback-url';
import { PendingFlows } from './auth/pending-flows';
import type { CoreContext, PushFn, SignInCallback } from './handlers/context';
import { connectionHandlers, connectProfile } from './handlers/connections';
import { profileHandlers } from './handlers/profiles';
import { providerSetupHandlers } from './handlers/provider-setup';
import { ProfileStore } from './profiles/profile-store';
import { DialpadTokenManagers } from './providers/dialpad-oauth';
import { openSecretStore } from './secrets/open-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { boardHandlers } from './handlers/board';
import { dialpadSignInHandlers } from './handlers/dialpad-sign-in';
import { eventHandlers } from './handlers/events';
import { createFileServices, fileHandlers } from './handlers/files';
import { storageHandlers } from './handlers/storage';
import { StorageService } from './storage/storage-service';
import type { TransferFolder } from './export/transfer-folder';
import { BoardService } from './calls/board-service';
import { LiveHub } from './pipeline/live-push';
import { SourceRegistry } from './pipeline/source-registry';
import { DEMO_PROFILE, type DemoOptions } from './profiles/demo';
import type { BoardModelOptions } from './calls/board-model';
import { EventStore } from './store/event-store';

export type { PushFn, SignInCallback } from './handlers/context';

/** The API as one client (a window, a browser tab) sees it, with its own live-push credit. */
export interface ApiSession extends SwitchboardApi {
  close(): void;
}

export interface SessionHost {
  openSession(push: PushFn): ApiSession;
}

export interface CoreOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  /** Path of a better-sqlite3 binary built for this runtime (Electron's ABI differs from Node's). */
  sqliteNativeBinding?: string;
  /** The built store writer (store/writer.worker.ts): the event log is then written on its own thread. */
  storeWriterScript?: string;
  demo?: DemoOptions;
  /** How long a quiet call stays live and an ended one stays shown. */
  board?: BoardModelOptions;
  /** Connect the default profile at start, as a first-time user expects. */
  autoConnect?: boolean;
  log?: (line: string) => void;
  /** Opens a URL in the user's browser (the desktop shell's, restricted to sign-in pages). */
  openExternal?: (url: string) => Promise<void>;
  /** Where secrets live; by default the OS keychain, or memory when there is none. */
  secrets?: SecretStore;
  /** The desktop shell's save dialog; without it (web mode) exports are offered for download. */
  chooseExportPath?: (defaultName: string) => Promise<string | null>;
  /** The desktop shell's open dialog for NDJSON files. */
  chooseImportPath?: () => Promise<string | null>;
}

export interface Core extends SessionHost {
  readonly store: EventStore;
  /** After sleep/resume or a network change: make every live socket prove it is alive. */
  healthCheck(reason: string): void;
  /** Every `switchboard://` link the OS hands the desktop shell comes in here. */
  handleProtocolUrl(url: string): Promise<void>;
  /** Web mode: finished exports to download and uploads to open, served by the web server. */
  readonly transfers: TransferFolder | null;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((line: string) => console.error(line));
  const eventLogFile = join(options.dataDir, 'events.sqlite');
  const store = EventStore.open({
    file: eventLogFile,
    ...(options.sqliteNativeBinding && { nativeBinding: options.sqliteNativeBinding }),
    ...(options.storeWriterScript && { writerScript: options.storeWriterScript }),
    log,
  });
  const hub = new LiveHub();
  const sessions = new Set<PushFn>();
  const broadcast: PushFn = (event, payload) => {
    for (const push of sessions) push(event, payload);
  };
  const secrets =
    options.secrets ??
    (await openSecretStore({ onKeychainUnavailable: (reason) => log(`Switchboard: no system keychain (${reason}); secrets are kept in memory for this session.`) }));
  const profiles = await ProfileStore.open(options.dataDir, log);
  const storage = await StorageService.start({
    dataDir: options.dataDir,
    store,
    eventLogFile,
    log,
    onTrimmed: (trimmed) => broadcast('logTrimmed', trimmed),
  });
  const dialpadTokens = new DialpadTokenManagers(secrets, fetch);
  const board = new BoardService({ ...options.board, store, push: (diff) => broadcast('boardDiff', diff), log });
  const core: CoreContext = {
    info: { version: options.version, mode: options.mode, platform: process.platform, dataDir: options.dataDir },
    store,
    hub,
    sources: new SourceRegistry({
      store,
      onStored: (events) => {
        hub.publish(events);
        board.offer(events);
      },
      onState: (status) => broadcast('connectionState', status),
      onStoreError: (error) => log(`Switchboard: could not write events to the store: ${error.message}`),
    }),
    demo: options.demo ?? {},
    board,
    broadcast,
    log,
    flows: new PendingFlows(),
    signInCallbacks: new Set(),
    openExternal: options.openExternal ?? null,
    profiles,
    secrets,
    dialpadTokens,
    providers: { secrets, fetch, oauthTokens: (profile) => dialpadTokens.forProfile(profile) },
  };

  if (options.autoConnect ?? true) connectProfile(core, DEMO_PROFILE);
  const fileServices = createFileServices(options);

  return {
    store,
    openSession(push: PushFn): ApiSession {
      sessions.add(push);
      const session = { push, live: hub.subscribe((batch) => push('liveBatch', batch)) };
      return {
        getAppInfo: async () => core.info,
        ...connectionHandlers(core),
        ...profileHandlers(core),
        ...providerSetupHandlers(core),
        ...dialpadSignInHandlers(core),
        ...eventHandlers(core, session),
        ...boardHandlers(core),
        ...fileHandlers(core, session, fileServices),
        ...storageHandlers(storage),
        close: () => {
          sessions.delete(push);
          session.live.close();
        },
      };
    },
    healthCheck: (reason) => core.sources.healthCheck(reason),
    handleProtocolUrl: (url) => deliverProtocolUrl(core, url),
    transfers: fileServices.transfers,
    async close(): Promise<void> {
      await storage.close();
      await core.sources.stopAll('Switchboard is closing');
      fileServices.close();
      board.close();
      await store.close();
    },
  };
}

/**
 * Routes a `switchboard://` link: `oauth/callback` completes a pending sign-in and is announced
 * to `signInCallbacks`; anything else is logged and dropped. The query is never logged, because
 * a callback carries an authorization code.
 */
export async function deliverProtocolUrl(
  core: Pick<CoreContext, 'flows' | 'signInCallbacks' | 'log'>,
  url: string,
): Promise<void> {
  const link = URL.parse(url);
  if (link === null || link.protocol !== 'switchboard:' || !isCallbackTarget(link)) {
    const shown = link === null ? 'not a valid URL' : `${link.protocol}//${link.host}${link.pathname}`.slice(0, 120);
    core.log(`Switchboard: ignored a link it does not handle (${shown}); only ${CUSTOM_SCHEME_REDIRECT_URI} is expected.`);
    return;
  }
  let callback: SignInCallback;
  try {
    callback = { flow: core.flows.completeCallback(url) };
  } catch (error) {
    const refusal = isAuthError(error) ? error : new AuthError('callback_malformed', 'The sign-in callback could not be read.');
    core.log(`Switchboard: refused a sign-in callback: ${refusal.message}`);
    callback = { error: refusal };
  }
  for (const listener of core.signInCallbacks) listener(callback);
}
