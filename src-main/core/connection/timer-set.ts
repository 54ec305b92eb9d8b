/** Named one-shot timers, so stopping can clear every pending one and leave no handle behind. */
export class TimerSet {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  set(name: string, delayMs: number, run: () => void): void {
    this.clear(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, delayMs),
    );
  }

  clear(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
