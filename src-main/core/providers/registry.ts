import type { ProfileProvider, ProviderProfile } from '../api';
import type { ProviderAdapter } from './adapter';
import { dialpadAdapter } from './dialpad-adapter';
import { opentactAdapter } from './opentact-adapter';
import { voipbinAdapter } from './voipbin-adapter';
import { websocketAdapter } from './websocket-adapter';

type AdapterTable = { [P in ProfileProvider]: ProviderAdapter<Extract<ProviderProfile, { provider: P }>> };

/** Provider id -> adapter. Adding a provider: its profile type in api.ts, its adapter file, one line here. */
const ADAPTERS: AdapterTable = {
  dialpad: dialpadAdapter,
  voipbin: voipbinAdapter,
  opentact: opentactAdapter,
  websocket: websocketAdapter,
};

/** The adapter for a profile, typed to take that profile. */
export function adapterFor(profile: ProviderProfile): ProviderAdapter {
  return ADAPTERS[profile.provider] as ProviderAdapter;
}
