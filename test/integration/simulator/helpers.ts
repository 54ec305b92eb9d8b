import { WebSocket } from 'ws';

/** A `ws` client that records everything it receives, for asserting on the wire. */
export interface RecordingClient {
  ws: WebSocket;
  frames: { text: string; binary: boolean }[];
  /** Resolves with the close code once the socket is closed (1006 = no close frame). */
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
  send(value: unknown): void;
}

export function connect(url: string, options: { autoPong?: boolean } = {}): RecordingClient {
  const ws = new WebSocket(url, { autoPong: options.autoPong ?? true, maxPayload: 64 * 1024 * 1024, skipUTF8Validation: true });
  const frames: { text: string; binary: boolean }[] = [];
  ws.on('message', (data: Buffer, binary) => frames.push({ text: data.toString('utf8'), binary }));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('close', () => reject(new Error('closed before open')));
  });
  opened.catch(() => undefined);
  return { ws, frames, closed, opened, send: (value) => ws.send(typeof value === 'string' ? value : JSON.stringify(value)) };
}

/** The HTTP status a refused upgrade answered with. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.terminate();
    });
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function jsonFrames(client: RecordingClient): Record<string, unknown>[] {
  return client.frames.flatMap((frame) => {
    try {
      const value: unknown = JSON.parse(frame.text);
      return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
