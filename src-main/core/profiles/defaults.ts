/** Where each provider lives by default (PROTOCOLS.md); every one is overridable per profile. */
export const DIALPAD_HOSTS = {
  production: 'https://dialpad.com',
  sandbox: 'https://sandbox.dialpad.com',
} as const;

export const DIALPAD_REST_PATH = '/api/v2';
export const VOIPBIN_BASE_URL = 'https://api.voipbin.net';
export const OPENTACT_REST_BASE = 'https://api.opentact.org/rest';
export const OPENTACT_SOCKET_URL = 'wss://api.opentact.org/wss';
export const OPENTACT_SUBSCRIPTION_DELETE_PATH = '/event/subscription/{uuid}';

/** The demo profile's id: built in, never stored, never deleted. */
export const DEMO_PROFILE_ID = 'demo';
