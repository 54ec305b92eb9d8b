import type { SwitchboardBridge } from '../../../src-main/core/api';
import { createWebClient } from './web-client';
import { workerPipe } from './worker-pipe';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    switchboard?: SwitchboardBridge;
  }
}

/** The only way the UI talks to the core: the Electron bridge when present, else the web-mode socket. */
export const api: SwitchboardBridge = window.switchboard ?? createWebClient(workerPipe());

export type {
  AppInfo,
  ConnectionState,
  ConnectionStatus,
  EventFilter,
  EventPage,
  LiveBatch,
  MonitorEvent,
  ProfileSummary,
} from '../../../src-main/core/api';
