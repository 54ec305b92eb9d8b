import type { IncomingMessage, ServerResponse } from 'node:http';

/** A tiny method + path router for the simulated REST APIs (Node's http only). */

export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** JSON or form body as an object; `{}` when there is none. */
  body: Record<string, unknown>;
}

export type RouteHandler = (context: RouteContext) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class HttpRouter {
  private readonly routes: Route[] = [];

  /** `path` may hold `:name` segments. */
  add(method: string, path: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = path.replace(/:([a-zA-Z]+)/g, (_whole, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** Whether some route has this path (for 405 versus 404 and for routing between APIs). */
  knows(pathname: string): boolean {
    return this.routes.some((route) => route.pattern.test(pathname));
  }

  /**
   * Runs the matching route. Throwing an HttpError from a handler or a bad body ends in
   * `renderError`, so each API keeps its own error shape.
   */
  async handle(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    renderError: (response: ServerResponse, status: number, message: string) => void,
  ): Promise<boolean> {
    const pathMatches = this.routes.filter((route) => route.pattern.test(url.pathname));
    if (pathMatches.length === 0) return false;
    const route = pathMatches.find((candidate) => candidate.method === request.method);
    try {
      if (route === undefined) throw new HttpError(405, 'Method not allowed');
      const found = route.pattern.exec(url.pathname);
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found?.[index + 1] ?? '');
      });
      const body = await readBody(request);
      await route.handler({ request, response, url, params, body });
    } catch (error) {
      if (error instanceof HttpError) renderError(response, error.status, error.message);
      else renderError(response, 500, error instanceof Error ? error.message : 'internal error');
    }
    return true;
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the same 400 as a non-object body
  }
  throw new HttpError(400, 'Request body must be a JSON object');
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}
