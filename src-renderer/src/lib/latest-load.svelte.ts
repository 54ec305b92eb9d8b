export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * The state of the most recent request for something the inspector shows. Moving quickly
 * through events fires requests faster than they answer: only the newest one may land.
 */
export class LatestLoad<T> {
  state = $state.raw<LoadState<T>>({ status: 'loading' });
  private generation = 0;

  run(load: () => Promise<T>): void {
    const mine = ++this.generation;
    this.state = { status: 'loading' };
    load().then(
      (value) => {
        if (mine === this.generation) this.state = { status: 'ready', value };
      },
      (error: unknown) => {
        if (mine === this.generation) this.state = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      },
    );
  }
}
