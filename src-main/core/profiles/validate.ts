import type {
  DialpadProfile,
  DialpadSubscriptionType,
  OpentactProfile,
  ProfileProvider,
  ProviderProfile,
  VoipbinProfile,
  WebsocketHeader,
  WebsocketProfile,
} from '../api';
import {
  DEMO_PROFILE_ID,
  OPENTACT_REST_BASE,
  OPENTACT_SOCKET_URL,
  OPENTACT_SUBSCRIPTION_DELETE_PATH,
  VOIPBIN_BASE_URL,
} from './defaults';
import { FieldProblems, ProfileValidationError } from './field-checks';

export const PROFILE_PROVIDERS: readonly ProfileProvider[] = ['dialpad', 'voipbin', 'opentact', 'websocket'];
export const DIALPAD_SUBSCRIPTION_TYPES: readonly DialpadSubscriptionType[] = ['call', 'sms', 'agent_status', 'contact', 'changelog'];

/** Also a keychain account prefix (`<id>:<kind>`): no colon, nothing that needs escaping. */
const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** RFC 7230 token characters: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Set by ws itself, or hop-by-hop: a profile must not override them. */
const RESERVED_HEADERS = new Set(['host', 'connection', 'upgrade', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'sec-websocket-protocol', 'content-length']);

/**
 * Checks a profile as submitted (UI, profile file) and returns it normalized: defaults filled,
 * text trimmed, unknown fields dropped. Throws ProfileValidationError naming every bad field.
 */
export function parseProfile(value: unknown): ProviderProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProfileValidationError(['the profile must be a JSON object']);
  }
  const input = value as Record<string, unknown>;
  const check = new FieldProblems();
  const id = parseId(check, input['id']);
  const provider = check.oneOf('provider', input['provider'], PROFILE_PROVIDERS, 'websocket');
  const name = check.text('name', input['name'], { max: 100, optional: true }) ?? defaultName(provider, input);
  const base = { id, name };
  const profile =
    provider === 'dialpad'
      ? parseDialpad(check, input, base)
      : provider === 'voipbin'
        ? parseVoipbin(check, input, base)
        : provider === 'opentact'
          ? parseOpentact(check, input, base)
          : parseWebsocket(check, input, base);
  if (check.problems.length > 0) throw new ProfileValidationError(check.problems);
  return profile;
}

function parseId(check: FieldProblems, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string' || !PROFILE_ID.test(value)) {
    check.add('id', 'must be 1 to 64 letters, digits, - or _');
    return '';
  }
  if (value === DEMO_PROFILE_ID) check.add('id', `"${DEMO_PROFILE_ID}" is the built-in demo profile`);
  return value;
}

/** A profile file can be as short as `{"provider": "websocket", "url": "..."}`: name it after where it goes. */
function defaultName(provider: ProfileProvider, input: Record<string, unknown>): string {
  const where = [input['url'], input['baseUrl'], input['socketUrl'], input['customHost'], input['environment']].find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate !== '',
  );
  const label = { dialpad: 'Dialpad', voipbin: 'VoIPBin', opentact: 'Opentact', websocket: 'WebSocket' }[provider];
  return where === undefined ? label : `${label} ${where}`.slice(0, 100);
}

interface Base {
  id: string;
  name: string;
}

function parseDialpad(check: FieldProblems, input: Record<string, unknown>, base: Base): DialpadProfile {
  const environment = check.oneOf('environment', input['environment'] ?? 'production', ['production', 'sandbox', 'custom'], 'production');
  const customHost = environment === 'custom' ? check.url('customHost', input['customHost'], ['https:', 'http:']) : null;
  const credential = check.oneOf('credential', input['credential'] ?? 'apiKey', ['apiKey', 'oauth'], 'apiKey');
  const connectWith = check.oneOf('connectWith', input['connectWith'] ?? 'websocket', ['websocket', 'subscription'], 'websocket');
  const bySubscription = connectWith === 'subscription';
  const subscriptionType = bySubscription
    ? check.oneOf('subscriptionType', input['subscriptionType'], DIALPAD_SUBSCRIPTION_TYPES, 'call')
    : null;
  const restBase = input['restBase'] === undefined || input['restBase'] === null || input['restBase'] === ''
    ? null
    : check.url('restBase', input['restBase'], ['https:', 'http:']);
  return {
    ...base,
    provider: 'dialpad',
    environment,
    customHost,
    credential,
    oauth: credential === 'oauth' ? parseOAuth(check, input['oauth']) : null,
    // Optional while the profile is being set up: the websocket is often created from the app.
    websocketId: check.numericId('websocketId', input['websocketId'], true),
    connectWith,
    subscriptionType,
    subscriptionId: bySubscription ? check.numericId('subscriptionId', input['subscriptionId'], false) : null,
    restBase,
  };
}

function parseOAuth(check: FieldProblems, value: unknown): DialpadProfile['oauth'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    check.add('oauth', 'is required for the OAuth credential (clientId, scopes, redirect)');
    return null;
  }
  const oauth = value as Record<string, unknown>;
  const scopes = check.list('oauth.scopes', oauth['scopes'], { max: 50, itemMax: 100 });
  scopes.forEach((scope, index) => {
    if (/\s/.test(scope)) check.add(`oauth.scopes[${index}]`, 'must be one scope without spaces');
  });
  return {
    clientId: check.text('oauth.clientId', oauth['clientId'], { max: 200 }),
    scopes,
    clientSecretRequired: check.flag('oauth.clientSecretRequired', oauth['clientSecretRequired'], false),
    redirect: check.oneOf('oauth.redirect', oauth['redirect'] ?? 'protocol', ['protocol', 'loopback'], 'protocol'),
  };
}

function parseVoipbin(check: FieldProblems, input: Record<string, unknown>, base: Base): VoipbinProfile {
  const credential = check.oneOf('credential', input['credential'] ?? 'login', ['login', 'accessKey'], 'login');
  const topics = check.list('topics', input['topics'], { max: 100, itemMax: 300 });
  if (topics.length === 0) check.add('topics', 'needs at least one topic, e.g. customer_id:<your customer id>:call');
  return {
    ...base,
    provider: 'voipbin',
    baseUrl: check.url('baseUrl', input['baseUrl'] ?? VOIPBIN_BASE_URL, ['https:', 'http:']),
    credential,
    username: credential === 'login' ? check.text('username', input['username'], { max: 200 }) : null,
    topics,
  };
}

function parseOpentact(check: FieldProblems, input: Record<string, unknown>, base: Base): OpentactProfile {
  const credential = check.oneOf('credential', input['credential'] ?? 'token', ['token', 'login'], 'token');
  const deletePath = check.text('subscriptionDeletePath', input['subscriptionDeletePath'] ?? OPENTACT_SUBSCRIPTION_DELETE_PATH, { max: 200 });
  if (deletePath !== '' && (!deletePath.startsWith('/') || !deletePath.includes('{uuid}'))) {
    check.add('subscriptionDeletePath', 'must start with / and contain {uuid}');
  }
  return {
    ...base,
    provider: 'opentact',
    restBase: check.url('restBase', input['restBase'] ?? OPENTACT_REST_BASE, ['https:', 'http:']),
    socketUrl: check.url('socketUrl', input['socketUrl'] ?? OPENTACT_SOCKET_URL, ['wss:', 'ws:'], { keepPath: true }),
    credential,
    email: credential === 'login' ? check.text('email', input['email'], { max: 200 }) : null,
    subscriptionDeletePath: deletePath,
  };
}

function parseWebsocket(check: FieldProblems, input: Record<string, unknown>, base: Base): WebsocketProfile {
  const subprotocols = check.list('subprotocols', input['subprotocols'], { max: 20, itemMax: 100 });
  subprotocols.forEach((protocol, index) => {
    if (!HEADER_NAME.test(protocol)) check.add(`subprotocols[${index}]`, 'must be a token (letters, digits and !#$%&\'*+-.^_`|~)');
  });
  if (new Set(subprotocols).size !== subprotocols.length) check.add('subprotocols', 'must not repeat a protocol');
  return {
    ...base,
    provider: 'websocket',
    url: check.url('url', input['url'], ['ws:', 'wss:'], { keepPath: true }),
    headers: parseHeaders(check, input['headers']),
    subprotocols,
    framesAfterOpen: check.list('framesAfterOpen', input['framesAfterOpen'], { max: 50, itemMax: 64 * 1024, allowEmptyItems: true }),
  };
}

function parseHeaders(check: FieldProblems, value: unknown): WebsocketHeader[] {
  if (value === undefined || value === null) return [];
  const entries: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>).map(([name, headerValue]) => ({ name, value: headerValue }))
      : [];
  if (!Array.isArray(value) && typeof value !== 'object') check.add('headers', 'must be a list of {name, value, secret}');
  const headers = entries.flatMap((entry, index): WebsocketHeader[] => {
    const field = `headers[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      check.add(field, 'must be {name, value, secret}');
      return [];
    }
    const header = entry as Record<string, unknown>;
    const name = check.text(`${field}.name`, header['name'], { max: 100 });
    if (name !== '' && !HEADER_NAME.test(name)) check.add(`${field}.name`, 'is not a valid header name');
    if (RESERVED_HEADERS.has(name.toLowerCase())) check.add(`${field}.name`, `${name} is set by the WebSocket handshake itself`);
    const secret = check.flag(`${field}.secret`, header['secret'], false);
    if (secret) {
      if (header['value'] !== undefined && header['value'] !== '') {
        check.add(`${field}.value`, 'a secret header keeps its value in the keychain (secret kind "token"), not in the profile');
      }
      return [{ name, value: '', secret }];
    }
    const headerValue = header['value'];
    if (typeof headerValue !== 'string' || /[\r\n]/.test(headerValue) || headerValue.length > 8_000) {
      check.add(`${field}.value`, 'must be one line of text');
      return [{ name, value: '', secret }];
    }
    return [{ name, value: headerValue, secret }];
  });
  if (headers.filter((header) => header.secret).length > 1) {
    check.add('headers', 'only one header can be secret (the keychain holds one token per profile)');
  }
  return headers;
}
