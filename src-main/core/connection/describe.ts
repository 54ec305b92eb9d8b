/** Wording for lifecycle summaries: what a user reads in the timeline. */

const CLOSE_CODE_NAMES: Readonly<Record<number, string>> = {
  1000: 'normal closure',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1005: 'no status code',
  1006: 'no close frame',
  1007: 'invalid payload',
  1008: 'policy violation',
  1009: 'message too big',
  1010: 'missing extension',
  1011: 'server error',
  1012: 'service restart',
  1013: 'try again later',
  1014: 'bad gateway',
  1015: 'TLS handshake failed',
};

const NETWORK_ERROR_NAMES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection broken',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** "1006, no close frame" or "4001, application close: token expired". */
export function describeClose(code: number, reason: string): string {
  const name = CLOSE_CODE_NAMES[code] ?? (code >= 4000 ? 'application close' : 'close');
  return `${code}, ${name}${reason ? `: ${reason}` : ''}`;
}

/** "450 ms", "2.3 s", "5 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(1))} min`;
  return `${Number((ms / 3_600_000).toFixed(1))} h`;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, address, port } = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const name = code ? NETWORK_ERROR_NAMES[code] : undefined;
  if (!name) return error.message;
  return address ? `${name} (${address}${port ? `:${port}` : ''})` : name;
}

/** Scheme, host and port only: socket paths and queries often carry the token. */
export function describeEndpoint(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid address)';
  }
}
