import { spawn, type ChildProcess } from 'node:child_process';
import type { DemoCredentials, MalformedKind, SimProvider } from '../../src-main/core/simulator';
import { childEnv } from './child-bundle';
import type { CountersByProvider, HostReady, HostReply, HostRequest } from './simulator-protocol';

type Request = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const START_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** The simulator child seen from the soak: the same fault switches, asked over IPC. */
export class RemoteSimulator {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly demo: DemoCredentials,
  ) {
    child.on('message', (message: HostReply) => {
      const pending = this.waiting.get(message.id);
      if (pending === undefined) return;
      this.waiting.delete(message.id);
      if ('error' in message) pending.reject(new Error(`simulator: ${message.error}`));
      else pending.resolve(message.result);
    });
  }

  static start(script: string, rate: number): Promise<RemoteSimulator> {
    const child = spawn(process.execPath, [script, String(rate)], { env: childEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the simulator child did not start in time'));
      }, START_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`the simulator child exited with ${code} before it was ready`)));
      child.once('message', (message: HostReady) => {
        clearTimeout(timer);
        resolve(new RemoteSimulator(child, message.ready.baseUrl, message.ready.demo));
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  dropSockets(provider?: SimProvider): Promise<number> {
    return this.call({ method: 'dropSockets', ...(provider && { provider }) }) as Promise<number>;
  }

  expireTokens(provider?: SimProvider): Promise<number> {
    return this.call({ method: 'expireTokens', ...(provider && { provider }) }) as Promise<number>;
  }

  async setHalfOpen(provider: SimProvider, on: boolean): Promise<void> {
    await this.call({ method: 'setHalfOpen', provider, on });
  }

  async setRejectCredentials(provider: SimProvider, on: boolean): Promise<void> {
    await this.call({ method: 'setRejectCredentials', provider, on });
  }

  sendMalformed(provider: SimProvider, kind: MalformedKind): Promise<number> {
    return this.call({ method: 'sendMalformed', provider, kind }) as Promise<number>;
  }

  async restart(downtimeMs: number): Promise<void> {
    await this.call({ method: 'restart', downtimeMs });
  }

  counters(): Promise<CountersByProvider> {
    return this.call({ method: 'counters' }) as Promise<CountersByProvider>;
  }

  /** Closes the simulator and waits for the child to be gone. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call({ method: 'close' }).catch(() => this.child.kill('SIGKILL'));
    await exited;
  }

  private call(request: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`simulator: no answer to ${request.method} in ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...request, id });
    });
  }
}
