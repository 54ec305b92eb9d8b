import type { BusinessEvent } from './business-events';
import type { ContactCenter } from './contact-center';

const TICK_MS = 20;
/** Headroom over the nominal per-tick count, so bursts of the Poisson process get through. */
const TICK_BURST_FACTOR = 4;
const MIN_EVENTS_PER_TICK = 500;

/**
 * Drives the contact center on the wall clock: one timer, and each tick hands over every event
 * due since the last one in a single batch. A bounded batch keeps a tick short at 50k events/s;
 * what does not fit stays due for the next tick.
 */
export class TrafficPump {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly model: ContactCenter,
    private readonly deliver: (events: readonly BusinessEvent[]) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    const maxEvents = Math.max(MIN_EVENTS_PER_TICK, Math.ceil(((this.model.rate * TICK_MS) / 1000) * TICK_BURST_FACTOR));
    const events = this.model.advanceTo(Date.now(), maxEvents);
    if (events.length > 0) this.deliver(events);
  }
}
