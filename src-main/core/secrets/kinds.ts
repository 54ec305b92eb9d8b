/** Every kind of secret a profile can hold; the keychain account is `<profileId>:<kind>`. */
export const SECRET_KINDS = [
  'apiKey',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'jwtSecret',
  'password',
  'accessKey',
  'token',
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];

export function isSecretKind(value: unknown): value is SecretKind {
  return typeof value === 'string' && (SECRET_KINDS as readonly string[]).includes(value);
}
