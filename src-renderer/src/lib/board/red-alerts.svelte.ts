import type { BoardCall } from '../../../../src-main/core/api';
import { attentionOf } from './attention';
import { board } from './board-state.svelte';
import { clock } from './clock.svelte';
import { callerLabel, formatElapsed } from './labels';
import { thresholds, type Thresholds } from './thresholds.svelte';

/** Calls already announced, by key and the moment their wait or hold began: one notification each. */
const announced = new Set<string>();

function announce(calls: readonly BoardCall[], now: number, limits: Thresholds): void {
  const onBoard = new Set<string>();
  for (const call of calls) {
    const attention = attentionOf(call, now, limits);
    if (attention.severity !== 'red') continue;
    const id = `${call.key}@${attention.reason}@${call.waitingSince ?? call.stateSince}`;
    onBoard.add(id);
    if (announced.has(id)) continue;
    announced.add(id);
    const what = attention.reason === 'wait' ? 'waiting' : 'on hold';
    new Notification(`Caller ${what} ${formatElapsed(attention.elapsedMs)}`, {
      body: `${callerLabel(call)}${call.queue?.name ? ` · ${call.queue.name}` : ''}`,
      tag: call.key,
    });
  }
  for (const id of announced) if (!onBoard.has(id)) announced.delete(id);
}

/** Asks the OS for permission; only ever called when the user turns notifications on. */
export async function requestNotificationPermission(): Promise<NotificationPermission> {
  if (typeof Notification === 'undefined') return 'denied';
  return Notification.permission === 'default' ? Notification.requestPermission() : Notification.permission;
}

export function notificationsBlocked(): boolean {
  return typeof Notification === 'undefined' || Notification.permission === 'denied';
}

let started = false;

/** Watches the board for calls turning red while the user has notifications on, whichever view is open. */
export function startRedAlerts(): void {
  if (started) return;
  started = true;
  $effect.root(() => {
    $effect(() => {
      if (!thresholds.value.notify) return;
      return clock.hold();
    });
    $effect(() => {
      // Read before the permission check: permission is not reactive, the ticking clock re-runs this.
      const { now } = clock;
      const { calls } = board;
      const limits = thresholds.value;
      if (!limits.notify || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      announce(calls, now, limits);
    });
  });
}
