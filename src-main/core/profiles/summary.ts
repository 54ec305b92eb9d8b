import type { ProfileSummary, ProviderProfile } from '../api';
import { DIALPAD_HOSTS } from './defaults';

/** The list entry of a profile: where it connects, in a few words, never with a secret. */
export function profileSummary(profile: ProviderProfile): ProfileSummary {
  return { id: profile.id, name: profile.name, provider: profile.provider, target: targetOf(profile), isDemo: false };
}

function targetOf(profile: ProviderProfile): string {
  switch (profile.provider) {
    case 'dialpad': {
      const host = profile.environment === 'custom' ? (profile.customHost ?? '') : DIALPAD_HOSTS[profile.environment];
      const what =
        profile.connectWith === 'subscription'
          ? `${profile.subscriptionType ?? ''} subscription ${profile.subscriptionId ?? ''}`
          : profile.websocketId === null
            ? 'no websocket chosen yet'
            : `websocket ${profile.websocketId}`;
      return `${origin(host)} · ${what}`;
    }
    case 'voipbin':
      return `${origin(profile.baseUrl)} · ${profile.topics.length} topic${profile.topics.length === 1 ? '' : 's'}`;
    case 'opentact':
      return origin(profile.socketUrl);
    case 'websocket':
      return origin(profile.url);
  }
}

/** Scheme, host and port: paths and queries of socket URLs may carry tokens. */
function origin(url: string): string {
  const parsed = URL.parse(url);
  return parsed === null ? url : `${parsed.protocol}//${parsed.host}`;
}
