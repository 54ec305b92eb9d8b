type ListenerMap = { [event: string]: (...args: never[]) => void };

/**
 * A typed emitter whose emit never throws: one failing listener must neither stop the others nor
 * unwind into a socket callback. An emit made from inside a listener is queued behind the current
 * one, so listeners always see events in the order they happened.
 */
export class SafeEmitter<Events extends ListenerMap> {
  private readonly listeners: { [E in keyof Events]?: Set<Events[E]> } = {};
  private readonly pending: Array<() => void> = [];
  private dispatching = false;

  constructor(private readonly onListenerError: (event: keyof Events, error: unknown) => void) {}

  on<E extends keyof Events>(event: E, listener: Events[E]): void {
    (this.listeners[event] ??= new Set()).add(listener);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    this.listeners[event]?.delete(listener);
  }

  emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    this.pending.push(() => this.dispatch(event, args));
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.pending.shift(); next; next = this.pending.shift()) next();
    } finally {
      this.dispatching = false;
    }
  }

  private dispatch<E extends keyof Events>(event: E, args: Parameters<Events[E]>): void {
    for (const listener of [...(this.listeners[event] ?? [])]) {
      try {
        (listener as (...listenerArgs: Parameters<Events[E]>) => void)(...args);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }
}
