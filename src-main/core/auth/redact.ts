const REDACTED = '[redacted]';
const MAX_PROVIDER_TEXT = 300;
/** Shorter values are not worth hiding and would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;
const TOKEN_LIKE = /[A-Za-z0-9\-._~+/]{32,}=*/g;

/**
 * Provider text (error descriptions) shown to the user: printable, bounded, and with every
 * secret we sent cut out, because some servers echo the rejected code or token back.
 */
export function providerText(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text;
  const hidden = secrets
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  for (const secret of hidden) clean = clean.split(secret).join(REDACTED);
  // Belt and braces for secrets we did not send (a server echoing some other token): long
  // unbroken token-like runs are never the readable part of an error description.
  clean = clean.replace(TOKEN_LIKE, REDACTED);
  // eslint-disable-next-line no-control-regex
  clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > MAX_PROVIDER_TEXT ? `${clean.slice(0, MAX_PROVIDER_TEXT)}…` : clean;
}
