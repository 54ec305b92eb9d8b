import type { SecretKindName, SwitchboardApi } from '../../src-main/core/api';
import type { DemoCredentials, SimProvider } from '../../src-main/core/simulator';

/** A profile the soak made, and the secret it re-enters after a credential rejection. */
export interface SimProfile {
  provider: SimProvider;
  profileId: string;
  secretKind: SecretKindName;
  secret: string;
}

/**
 * The three simulator profiles, made the way the UI makes them: saveProfile, setSecret, then the
 * provider setup calls (a Dialpad websocket and its subscriptions, Opentact event subscriptions).
 * The VoIPBin topic is the whole customer prefix, so every resource change arrives under both of
 * its topic forms (the double delivery the adapter de-duplicates).
 */
export async function createSimProfiles(api: SwitchboardApi, baseUrl: string, demo: DemoCredentials): Promise<SimProfile[]> {
  return [await dialpadProfile(api, baseUrl, demo), await voipbinProfile(api, baseUrl, demo), await opentactProfile(api, baseUrl, demo)];
}

async function dialpadProfile(api: SwitchboardApi, baseUrl: string, demo: DemoCredentials): Promise<SimProfile> {
  const draft = await api.saveProfile({
    id: '',
    name: 'Soak Dialpad',
    provider: 'dialpad',
    environment: 'custom',
    customHost: baseUrl,
    credential: 'apiKey',
    oauth: null,
    websocketId: null,
    connectWith: 'websocket',
    subscriptionType: null,
    subscriptionId: null,
    restBase: null,
  });
  await api.setSecret(draft.id, 'apiKey', demo.dialpadApiKey);
  const websocket = await api.createDialpadWebsocket(draft.id, {});
  if (draft.provider !== 'dialpad') throw new Error('saveProfile changed the provider');
  const saved = await api.saveProfile({ ...draft, websocketId: websocket.id });
  await api.createDialpadSubscription(saved.id, { type: 'call', callStates: ['all'] });
  await api.createDialpadSubscription(saved.id, { type: 'agent_status', agentType: 'callcenter' });
  await api.createDialpadSubscription(saved.id, { type: 'sms', direction: 'all' });
  return { provider: 'dialpad', profileId: saved.id, secretKind: 'apiKey', secret: demo.dialpadApiKey };
}

async function voipbinProfile(api: SwitchboardApi, baseUrl: string, demo: DemoCredentials): Promise<SimProfile> {
  const saved = await api.saveProfile({
    id: '',
    name: 'Soak VoIPBin',
    provider: 'voipbin',
    baseUrl,
    credential: 'login',
    username: demo.voipbinUsername,
    topics: [`customer_id:${demo.voipbinCustomerId}`],
  });
  await api.setSecret(saved.id, 'password', demo.voipbinPassword);
  return { provider: 'voipbin', profileId: saved.id, secretKind: 'password', secret: demo.voipbinPassword };
}

async function opentactProfile(api: SwitchboardApi, baseUrl: string, demo: DemoCredentials): Promise<SimProfile> {
  const saved = await api.saveProfile({
    id: '',
    name: 'Soak Opentact',
    provider: 'opentact',
    restBase: `${baseUrl}/rest`,
    socketUrl: `${baseUrl.replace(/^http/, 'ws')}/wss`,
    credential: 'login',
    email: demo.opentactEmail,
    subscriptionDeletePath: '/event/subscription/{uuid}',
  });
  await api.setSecret(saved.id, 'password', demo.opentactPassword);
  await api.createOpentactSubscription(saved.id, { type: 'call_state' });
  await api.createOpentactSubscription(saved.id, { type: 'sms' });
  return { provider: 'opentact', profileId: saved.id, secretKind: 'password', secret: demo.opentactPassword };
}
