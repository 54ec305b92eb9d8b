/**
 * When a waiting or held call needs attention. Saved in this window's localStorage: the
 * thresholds are one supervisor's preference on one machine, not shared settings.
 */
export interface Thresholds {
  waitAmberSec: number;
  waitRedSec: number;
  holdAmberSec: number;
  holdRedSec: number;
  /** Desktop notification when a call turns red. */
  notify: boolean;
}

export const DEFAULT_THRESHOLDS: Thresholds = { waitAmberSec: 30, waitRedSec: 60, holdAmberSec: 60, holdRedSec: 120, notify: false };
const STORAGE_KEY = 'switchboard.board.thresholds';

function load(): Thresholds {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Thresholds> | null;
    return sanitize({ ...DEFAULT_THRESHOLDS, ...saved });
  } catch {
    return { ...DEFAULT_THRESHOLDS };
  }
}

/** Whole seconds, at least 1, and red never before amber. */
export function sanitize(value: Thresholds): Thresholds {
  const seconds = (input: unknown, fallback: number): number => {
    const number = Math.round(Number(input));
    return Number.isFinite(number) && number >= 1 ? Math.min(number, 86_400) : fallback;
  };
  const waitAmberSec = seconds(value.waitAmberSec, DEFAULT_THRESHOLDS.waitAmberSec);
  const holdAmberSec = seconds(value.holdAmberSec, DEFAULT_THRESHOLDS.holdAmberSec);
  return {
    waitAmberSec,
    waitRedSec: Math.max(waitAmberSec, seconds(value.waitRedSec, DEFAULT_THRESHOLDS.waitRedSec)),
    holdAmberSec,
    holdRedSec: Math.max(holdAmberSec, seconds(value.holdRedSec, DEFAULT_THRESHOLDS.holdRedSec)),
    notify: value.notify === true,
  };
}

class ThresholdSettings {
  value = $state<Thresholds>(load());

  save(next: Thresholds): void {
    this.value = sanitize(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.value));
  }
}

export const thresholds = new ThresholdSettings();

export type Severity = 'ok' | 'amber' | 'red';

export function severity(elapsedMs: number, amberSec: number, redSec: number): Severity {
  if (elapsedMs >= redSec * 1000) return 'red';
  return elapsedMs >= amberSec * 1000 ? 'amber' : 'ok';
}
