import type {
  DialpadProfile,
  DialpadSubscriptionInfo,
  DialpadWebsocketInfo,
  ProviderProfile,
  SwitchboardApi,
  VoipbinProfile,
} from '../api';
import { InvalidRequestError, requireString } from '../api-validation';
import { dialpadClient } from '../providers/dialpad-adapter';
import type { DialpadRestClient, DialpadSubscriptionRecord, DialpadWebsocketRecord } from '../providers/dialpad-rest';
import { jwtExpiry } from '../providers/jwt-expiry';
import { OpentactCredential, OpentactRestClient } from '../providers/opentact-rest';
import { checkVoipbinTopics } from '../providers/voipbin-topics';
import type { CoreContext } from './context';
import { storedProfile } from './profiles';
import { numericId, parseDialpadSubscriptionInput, parseOpentactSubscriptionInput, requireDialpadType } from './provider-setup-input';

/** What the app manages at the provider: Dialpad websockets and subscriptions, Opentact subscriptions, VoIPBin topic checks. */
export function providerSetupHandlers(core: CoreContext) {
  const dialpad = (profileId: unknown): { profile: DialpadProfile; client: DialpadRestClient } => {
    const profile = profileOf(core, profileId, 'dialpad');
    return { profile, client: dialpadClient(profile, core.providers) };
  };
  const opentact = (profileId: unknown): OpentactRestClient => {
    const profile = profileOf(core, profileId, 'opentact');
    return new OpentactRestClient(profile, new OpentactCredential(profile, core.providers), core.providers);
  };

  return {
    listDialpadWebsockets: async (profileId) => (await dialpad(profileId).client.listWebsockets()).map(websocketInfo),
    createDialpadWebsocket: async (profileId, options) => {
      const { profile, client } = dialpad(profileId);
      const secret = options?.secret === undefined || options.secret === '' ? null : requireString(options.secret, 'secret');
      const created = await client.createWebsocket(secret);
      // The events of this websocket are signed with the secret: the decoder needs it to verify them.
      if (secret !== null) await core.secrets.set(profile.id, 'jwtSecret', secret);
      return websocketInfo(created);
    },
    deleteDialpadWebsocket: async (profileId, websocketId) => {
      await dialpad(profileId).client.deleteWebsocket(numericId(websocketId, 'websocketId'));
    },
    listDialpadSubscriptions: async (profileId, type) =>
      (await dialpad(profileId).client.listSubscriptions(requireDialpadType(type))).map(subscriptionInfo),
    createDialpadSubscription: async (profileId, input) => {
      const { profile, client } = dialpad(profileId);
      const parsed = parseDialpadSubscriptionInput(input);
      const websocketId = parsed.websocketId ?? profile.websocketId;
      if (websocketId === null) throw new InvalidRequestError('Choose the websocket the subscription delivers to (the profile has none yet).');
      if (parsed.type === 'sms' && parsed.direction === undefined) throw new InvalidRequestError('An sms subscription needs a direction: all, inbound or outbound.');
      return subscriptionInfo(await client.createSubscription(parsed, websocketId));
    },
    updateDialpadSubscription: async (profileId, id, input) =>
      subscriptionInfo(await dialpad(profileId).client.updateSubscription(numericId(id, 'id'), parseDialpadSubscriptionInput(input))),
    deleteDialpadSubscription: async (profileId, type, id) => {
      await dialpad(profileId).client.deleteSubscription(requireDialpadType(type), numericId(id, 'id'));
    },
    listOpentactSubscriptions: async (profileId) => opentact(profileId).listSubscriptions(),
    createOpentactSubscription: async (profileId, input) => opentact(profileId).createSubscription(parseOpentactSubscriptionInput(input)),
    deleteOpentactSubscription: async (profileId, uuid) => {
      await opentact(profileId).deleteSubscription(requireString(uuid, 'uuid'));
    },
    checkVoipbinTopics: async (check) => {
      if (typeof check !== 'object' || check === null) throw new InvalidRequestError('Pass {profileId} or {topics, credential}.');
      if (check.profileId !== undefined) {
        const profile = profileOf(core, check.profileId, 'voipbin');
        return checkVoipbinTopics(profile.topics, profile.credential);
      }
      const topics = check.topics;
      if (!Array.isArray(topics) || topics.length > 100 || !topics.every((topic) => typeof topic === 'string' && topic.length <= 300)) {
        throw new InvalidRequestError('topics must be a list of at most 100 texts.');
      }
      const credential: VoipbinProfile['credential'] | null = check.credential === 'login' || check.credential === 'accessKey' ? check.credential : null;
      return checkVoipbinTopics(topics, credential);
    },
  } satisfies Partial<SwitchboardApi>;
}

function profileOf<P extends ProviderProfile['provider']>(core: CoreContext, profileId: unknown, provider: P): Extract<ProviderProfile, { provider: P }> {
  const profile = storedProfile(core, profileId);
  if (profile.provider !== provider) throw new InvalidRequestError(`"${profile.name}" is a ${profile.provider} profile, not ${provider}.`);
  return profile as Extract<ProviderProfile, { provider: P }>;
}

/** The URL's token never leaves the core: the UI sees where it points and when it expires. */
function websocketInfo(record: DialpadWebsocketRecord): DialpadWebsocketInfo {
  const url = URL.parse(record.websocketUrl);
  const path = url === null ? '' : url.pathname.split('/').slice(0, -1).join('/');
  const token = url?.pathname.split('/').pop() ?? '';
  return {
    id: record.id,
    endpoint: url === null ? '(unreadable URL)' : `${url.protocol}//${url.host}${path}/…`,
    tokenExpiresAt: jwtExpiry(decodeURIComponent(token)),
    signed: record.signed,
  };
}

function subscriptionInfo(record: DialpadSubscriptionRecord): DialpadSubscriptionInfo {
  return { id: record.id, type: record.type, enabled: record.enabled, websocketId: record.websocketId, fields: record.fields };
}

