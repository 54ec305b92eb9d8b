import type { MonitorEvent } from './api';

const WINDOW_SECONDS = 60;

/**
 * Events per second for each topic over the last minute, bucketed by the time each event was
 * received, for the sparklines on the stream tabs. Readers re-render once a second, when old
 * buckets roll off: the lines plot whole seconds, so redrawing them for every batch would only
 * repaint the tabs at the frame rate.
 */
export class TopicRates {
  /** Bumped once a second, so readers re-render. */
  version = $state(0);
  private readonly buckets = new Map<string, Map<number, number>>();
  private timer: ReturnType<typeof setInterval> | null = null;

  start(): () => void {
    this.timer = setInterval(() => this.prune(), 1_000);
    return () => {
      if (this.timer !== null) clearInterval(this.timer);
      this.timer = null;
    };
  }

  record(events: readonly MonitorEvent[]): void {
    const oldest = this.nowSecond() - WINDOW_SECONDS;
    for (const event of events) {
      const second = Math.floor(event.receivedAt / 1_000);
      if (second <= oldest) continue;
      const topic = this.buckets.get(event.topic) ?? new Map<number, number>();
      this.buckets.set(event.topic, topic);
      topic.set(second, (topic.get(second) ?? 0) + 1);
    }
  }

  /** Sixty counts, oldest first, for one topic or (null) all of them. */
  series(topic: string | null): number[] {
    void this.version;
    const now = this.nowSecond();
    const values = new Array<number>(WINDOW_SECONDS).fill(0);
    const sources = topic === null ? [...this.buckets.values()] : [this.buckets.get(topic)].filter((entry) => entry !== undefined);
    for (const source of sources) {
      for (const [second, count] of source) {
        const index = WINDOW_SECONDS - 1 - (now - second);
        if (index >= 0 && index < WINDOW_SECONDS) values[index]! += count;
      }
    }
    return values;
  }

  private nowSecond(): number {
    return Math.floor(Date.now() / 1_000);
  }

  private prune(): void {
    const oldest = this.nowSecond() - WINDOW_SECONDS;
    for (const topic of this.buckets.values()) {
      for (const second of topic.keys()) if (second <= oldest) topic.delete(second);
    }
    this.version++;
  }
}
