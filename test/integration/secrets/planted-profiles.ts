import type { ProviderProfile, SecretKindName, SwitchboardApi } from '../../../src-main/core/api';
import type { DemoCredentials } from '../../../src-main/core/simulator';

/** One profile with the planted secret in a credential field, and whether it can get live with it. */
export interface PlantedProfile {
  label: string;
  profileId: string;
  /** True when the planted value is an optional secret and the real credential is the simulator's. */
  expectLive: boolean;
}

interface Plan {
  label: string;
  profile: ProviderProfile;
  secrets: Partial<Record<SecretKindName, string>>;
  expectLive: boolean;
  /** Provider setup the UI would do before connecting (it sends the secret to the provider). */
  setup?: (api: SwitchboardApi, profileId: string) => Promise<void>;
}

export interface PlantTargets {
  simulatorUrl: string;
  demo: DemoCredentials;
  /** A raw WebSocket server that accepts the secret header, and one that refuses it (401). */
  rawAcceptUrl: string;
  rawRefuseUrl: string;
}

/**
 * Every credential field of every provider holds the planted secret somewhere below. Where the
 * simulator would refuse it (it knows only its demo credentials) the error paths run; the
 * Dialpad JWT secret and the raw header secret get live, so the success paths run too.
 */
export async function plantEverywhere(api: SwitchboardApi, planted: string, targets: PlantTargets): Promise<PlantedProfile[]> {
  const { simulatorUrl, demo } = targets;
  const dialpadBase = {
    id: '',
    provider: 'dialpad',
    environment: 'custom',
    customHost: simulatorUrl,
    oauth: null,
    websocketId: '5739172940218368',
    connectWith: 'websocket',
    subscriptionType: null,
    subscriptionId: null,
    restBase: null,
  } as const;
  const plans: Plan[] = [
    {
      label: 'Dialpad API key (planted)',
      profile: { ...dialpadBase, name: 'Dialpad planted key', credential: 'apiKey' },
      secrets: { apiKey: planted, jwtSecret: planted },
      expectLive: false,
    },
    {
      label: 'Dialpad signed websocket (planted JWT secret, demo API key)',
      profile: { ...dialpadBase, name: 'Dialpad signed', credential: 'apiKey', websocketId: null },
      secrets: { apiKey: demo.dialpadApiKey },
      expectLive: true,
      setup: async (setupApi, profileId) => {
        const websocket = await setupApi.createDialpadWebsocket(profileId, { secret: planted });
        const saved = await setupApi.getProfile(profileId);
        if (saved.provider !== 'dialpad') throw new Error('not a Dialpad profile');
        await setupApi.saveProfile({ ...saved, websocketId: websocket.id });
        await setupApi.createDialpadSubscription(profileId, { type: 'call', callStates: ['all'] });
      },
    },
    {
      label: 'Dialpad OAuth (planted access, refresh and client secret)',
      profile: {
        ...dialpadBase,
        name: 'Dialpad OAuth planted',
        credential: 'oauth',
        oauth: { clientId: 'switchboard-test', scopes: ['offline_access'], clientSecretRequired: true, redirect: 'protocol' },
      },
      secrets: { accessToken: planted, refreshToken: planted, clientSecret: planted, jwtSecret: planted },
      expectLive: false,
    },
    {
      label: 'VoIPBin login (planted password)',
      profile: { id: '', name: 'VoIPBin planted', provider: 'voipbin', baseUrl: simulatorUrl, credential: 'login', username: demo.voipbinUsername, topics: [`customer_id:${demo.voipbinCustomerId}`] },
      secrets: { password: planted },
      expectLive: false,
    },
    {
      label: 'VoIPBin access key (planted)',
      profile: { id: '', name: 'VoIPBin key planted', provider: 'voipbin', baseUrl: simulatorUrl, credential: 'accessKey', username: null, topics: [`customer_id:${demo.voipbinCustomerId}`] },
      secrets: { accessKey: planted },
      expectLive: false,
    },
    {
      label: 'Opentact token (planted)',
      profile: opentact(simulatorUrl, 'token', null),
      secrets: { token: planted },
      expectLive: false,
    },
    {
      label: 'Opentact login (planted password)',
      profile: opentact(simulatorUrl, 'login', demo.opentactEmail),
      secrets: { password: planted },
      expectLive: false,
    },
    {
      label: 'Raw WebSocket secret header, accepted',
      profile: rawSocket('Raw accepted', targets.rawAcceptUrl),
      secrets: { token: planted },
      expectLive: true,
    },
    {
      label: 'Raw WebSocket secret header, refused',
      profile: rawSocket('Raw refused', targets.rawRefuseUrl),
      secrets: { token: planted },
      expectLive: false,
    },
  ];

  const made: PlantedProfile[] = [];
  for (const plan of plans) {
    const saved = await api.saveProfile(plan.profile);
    for (const [kind, value] of Object.entries(plan.secrets)) await api.setSecret(saved.id, kind as SecretKindName, value);
    await plan.setup?.(api, saved.id);
    made.push({ label: plan.label, profileId: saved.id, expectLive: plan.expectLive });
  }
  return made;
}

function opentact(simulatorUrl: string, credential: 'token' | 'login', email: string | null): ProviderProfile {
  return {
    id: '',
    name: `Opentact ${credential} planted`,
    provider: 'opentact',
    restBase: `${simulatorUrl}/rest`,
    socketUrl: `${simulatorUrl.replace(/^http/, 'ws')}/wss`,
    credential,
    email,
    subscriptionDeletePath: '/event/subscription/{uuid}',
  };
}

function rawSocket(name: string, url: string): ProviderProfile {
  return {
    id: '',
    name,
    provider: 'websocket',
    url,
    headers: [{ name: 'Authorization', value: '', secret: true }, { name: 'X-Client', value: 'switchboard-test', secret: false }],
    subprotocols: [],
    framesAfterOpen: ['{"op":"subscribe"}'],
  };
}
