import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from './rpc-messages';

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

/**
 * Who may talk to the web-mode server: only a page on this very origin (Host and Origin checked,
 * so a DNS-rebinding page cannot reach us) holding this run's token.
 */
export class AccessPolicy {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;

  constructor(
    private readonly token: string,
    port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
  }

  /** Host always; Origin whenever the browser sent one, and always for WebSocket upgrades. */
  checkOrigin(request: IncomingMessage, originRequired: boolean): AccessVerdict {
    const host = request.headers.host;
    if (!host || !this.allowedHosts.has(host.toLowerCase())) {
      return { ok: false, status: 403, message: `Forbidden: unexpected Host header ${JSON.stringify(host ?? '')}.` };
    }
    const origin = request.headers.origin;
    if (origin === undefined ? originRequired : !this.allowedOrigins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, message: `Forbidden: unexpected Origin ${JSON.stringify(origin ?? '(none)')}.` };
    }
    return { ok: true };
  }

  checkToken(request: IncomingMessage, url: URL): AccessVerdict {
    const presented = url.searchParams.get('token') ?? readCookie(request.headers.cookie, SESSION_COOKIE);
    if (presented !== null && this.matches(presented)) return { ok: true };
    return {
      ok: false,
      status: 401,
      message:
        presented === null
          ? 'Unauthorized: this Switchboard session needs its access token. Open the URL printed in the terminal.'
          : 'Unauthorized: wrong access token. Open the URL printed in the terminal by this run of Switchboard.',
    };
  }

  sessionCookie(): string {
    return `${SESSION_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private matches(presented: string): boolean {
    const a = Buffer.from(presented);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}
