import { providerText } from '../auth/redact';

export type FetchFn = typeof fetch;

export interface RestRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** What the call does, for the message: "list websockets" -> "Could not list websockets: ...". */
  purpose: string;
}

export interface RestOptions {
  /** "Dialpad", "VoIPBin", "Opentact". */
  service: string;
  fetch: FetchFn;
  /** Values we sent that must never appear in an error text, even if the server echoes them. */
  secrets: readonly (string | null | undefined)[];
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** A provider answered with an error status; `message` is written for the user. */
export class ProviderHttpError extends Error {
  override readonly name = 'ProviderHttpError';

  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSec: number | null,
  ) {
    super(message);
  }

  get isAuthRejection(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export interface JsonReply {
  value: unknown;
  /** The body as received: 64-bit ids that JSON.parse rounded are read back from it. */
  text: string;
}

/** One JSON call to a provider's REST API; every failure becomes a message a person can act on. */
export async function requestJson(request: RestRequest, options: RestOptions): Promise<JsonReply> {
  const secrets = options.secrets.filter((secret): secret is string => typeof secret === 'string');
  const target = URL.parse(request.url);
  if (target === null || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    throw new Error(`Could not ${request.purpose}: the ${options.service} REST address of this profile is not an http(s) URL.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await options.fetch(target, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      // A redirect would carry our credential to a server the profile did not name.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`Could not ${request.purpose}: ${options.service} (${target.origin}) ${networkReason(error, timeoutMs)}.`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw httpError(request.purpose, options.service, response, text, secrets);
  if (text.trim() === '') return { value: null, text };
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    throw new Error(`Could not ${request.purpose}: ${options.service} answered with something that is not JSON.`);
  }
}

function httpError(purpose: string, service: string, response: Response, body: string, secrets: readonly string[]): ProviderHttpError {
  const status = response.status;
  const said = providerMessage(body, secrets);
  const quoted = said === null ? '' : `: "${said}"`;
  const retryAfterSec = retryAfter(response.headers.get('retry-after'));
  let explanation: string;
  if (status === 401) explanation = `${service} refused the credentials (HTTP 401${quoted}): check the key or token, or sign in again`;
  else if (status === 403) explanation = `${service} denied access (HTTP 403${quoted}): the credential lacks the permission or scope for this`;
  else if (status === 404) explanation = `${service} found no such resource (HTTP 404${quoted}): it may have been deleted`;
  else if (status === 429) {
    explanation = `${service} is limiting the request rate (HTTP 429${quoted}): try again ${retryAfterSec === null ? 'in a moment' : `in ${retryAfterSec} s`}`;
  } else if (status >= 500) explanation = `${service} had a server error (HTTP ${status}${quoted}): try again later`;
  else if (status >= 300 && status < 400) explanation = `${service} redirected the request elsewhere (HTTP ${status}), which is not followed: check the REST address`;
  else explanation = `${service} rejected the request (HTTP ${status}${quoted})`;
  return new ProviderHttpError(`Could not ${purpose}: ${explanation}.`, status, retryAfterSec);
}

/** Dialpad `{error:{message}}`, VoIPBin / Opentact `{message}`, or a short plain text. */
function providerMessage(body: string, secrets: readonly string[]): string | null {
  let message: unknown = body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    const nested = parsed?.['error'];
    message =
      typeof nested === 'object' && nested !== null
        ? (nested as Record<string, unknown>)['message']
        : (parsed?.['message'] ?? parsed?.['error'] ?? null);
  } catch {
    // plain text body
  }
  if (typeof message !== 'string' || message.trim() === '') return null;
  return providerText(message, secrets);
}

/** Seconds, or an HTTP date, as RFC 9110 allows. */
function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `could not be reached (${cause.code})` : 'could not be reached';
}
