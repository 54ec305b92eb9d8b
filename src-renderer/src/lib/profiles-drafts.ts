import type { ProfileProvider, ProviderProfile } from '../../../src-main/core/api';

export interface ProviderChoice {
  provider: ProfileProvider;
  label: string;
  description: string;
}

export const PROVIDER_CHOICES: readonly ProviderChoice[] = [
  {
    provider: 'dialpad',
    label: 'Dialpad',
    description: 'Call, SMS, agent status, contact and change-log events through a Dialpad websocket. API key or OAuth.',
  },
  {
    provider: 'voipbin',
    label: 'VoIPBin',
    description: 'Calls, messages, queues and agents of a VoIPBin customer, by topic. Login or access key.',
  },
  {
    provider: 'opentact',
    label: 'Opentact',
    description: 'Call state, call flow, SMS and recording events over the Opentact socket. API token or login.',
  },
  {
    provider: 'websocket',
    label: 'Raw WebSocket',
    description: 'Any ws:// or wss:// URL: every frame is stored and shown as it arrives.',
  },
];

export function providerLabel(provider: string): string {
  return PROVIDER_CHOICES.find((choice) => choice.provider === provider)?.label ?? provider;
}

/** A new profile with the providers' documented defaults (PROTOCOLS.md); the core assigns the id on save. */
export function newProfile(provider: ProfileProvider): ProviderProfile {
  switch (provider) {
    case 'dialpad':
      return {
        id: '',
        name: '',
        provider,
        environment: 'production',
        customHost: null,
        credential: 'apiKey',
        oauth: null,
        websocketId: null,
        connectWith: 'websocket',
        subscriptionType: null,
        subscriptionId: null,
        restBase: null,
      };
    case 'voipbin':
      return { id: '', name: '', provider, baseUrl: 'https://api.voipbin.net', credential: 'login', username: '', topics: [] };
    case 'opentact':
      return {
        id: '',
        name: '',
        provider,
        restBase: 'https://api.opentact.org/rest',
        socketUrl: 'wss://api.opentact.org/wss',
        credential: 'token',
        email: null,
        subscriptionDeletePath: '/event/subscription/{uuid}',
      };
    case 'websocket':
      return { id: '', name: '', provider, url: '', headers: [], subprotocols: [], framesAfterOpen: [] };
  }
}

/** The fields each form shows next to their input; problems with any other field go to the top of the form. */
export const FIELDS_SHOWN: Record<ProfileProvider, readonly string[]> = {
  dialpad: ['name', 'environment', 'customHost', 'credential', 'oauth', 'restBase'],
  voipbin: ['name', 'baseUrl', 'credential', 'username', 'topics'],
  opentact: ['name', 'restBase', 'socketUrl', 'credential', 'email', 'subscriptionDeletePath'],
  websocket: ['name', 'url', 'headers', 'subprotocols', 'framesAfterOpen'],
};
