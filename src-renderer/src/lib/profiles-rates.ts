import type { MonitorEvent } from '../../../src-main/core/api';

/** Long enough to smooth bursts, short enough that a stalled socket shows 0 within seconds. */
const RATE_WINDOW_MS = 10_000;

/**
 * Events per second one connection delivered over the last ten seconds, counted in the live feed
 * (newest last), reading back only as far as the window reaches.
 */
export function eventsPerSecond(events: readonly MonitorEvent[], connectionId: string, now: number): number {
  const from = now - RATE_WINDOW_MS;
  let count = 0;
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.receivedAt < from) break;
    if (event.connectionId === connectionId && !event.type.startsWith('system.')) count++;
  }
  return count / (RATE_WINDOW_MS / 1_000);
}

/** `42 s`, `3 min 05 s`, `2 h 14 min`: the age of a state or the time left on a token. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}
