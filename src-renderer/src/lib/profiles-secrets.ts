import type { ProfileProvider, SecretKindName } from '../../../src-main/core/api';

export interface SecretKindText {
  label: string;
  /** What it is and where to get it, per provider where that differs. */
  help: string;
}

const GENERIC: Record<SecretKindName, SecretKindText> = {
  apiKey: { label: 'API key', help: 'Dialpad Admin settings → My company → Authentication → API keys.' },
  accessToken: { label: 'OAuth access token', help: 'Issued by the OAuth sign-in; sent as the bearer token.' },
  refreshToken: { label: 'OAuth refresh token', help: 'Lets the app renew the access token (scope offline_access); it rotates on every refresh.' },
  clientSecret: { label: 'OAuth client secret', help: 'The secret of a confidential OAuth app.' },
  jwtSecret: {
    label: 'JWT signing secret',
    help: 'The secret the websocket was created with: every event is then a JWT signed with it, and the app verifies each one. Optional.',
  },
  password: { label: 'Password', help: 'The password of the user name above.' },
  accessKey: { label: 'Access key', help: 'VoIPBin admin console → Access keys; shown in full only when created.' },
  token: { label: 'Token', help: 'The value of the header marked secret.' },
};

const BY_PROVIDER: Partial<Record<ProfileProvider, Partial<Record<SecretKindName, SecretKindText>>>> = {
  opentact: {
    token: { label: 'API token', help: 'Made in the Opentact portal for a period you choose; sent as X-Auth-Token and in the socket auth frame.' },
    password: { label: 'Password', help: 'The Opentact portal password of the e-mail above.' },
  },
  voipbin: {
    password: { label: 'Password', help: 'The VoIPBin password of the user name above; traded for a 7-day token at every connect.' },
  },
};

export function secretText(provider: ProfileProvider, kind: SecretKindName): SecretKindText {
  return BY_PROVIDER[provider]?.[kind] ?? GENERIC[kind];
}
