import { errorText } from './profiles-errors';

/**
 * A list the provider holds (websockets, subscriptions) as a setup panel shows it: loaded on
 * demand, reloaded after each change, with the provider's refusal as a message. Only the newest
 * load lands, so switching what is listed quickly never shows a stale answer.
 */
export class SetupList<T> {
  items = $state.raw<T[]>([]);
  loading = $state(false);
  failure = $state<string | null>(null);
  private generation = 0;

  constructor(private readonly fetchItems: () => Promise<T[]>) {}

  async load(): Promise<void> {
    const mine = ++this.generation;
    this.loading = true;
    try {
      const items = await this.fetchItems();
      if (mine !== this.generation) return;
      this.items = items;
      this.failure = null;
    } catch (error) {
      if (mine === this.generation) this.failure = errorText(error);
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }

  /** Runs a change at the provider, then reloads; false (with the message shown) when refused. */
  async act(action: () => Promise<unknown>): Promise<boolean> {
    this.failure = null;
    try {
      await action();
      await this.load();
      return true;
    } catch (error) {
      this.failure = errorText(error);
      return false;
    }
  }
}
