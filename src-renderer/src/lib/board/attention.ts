import type { BoardCall } from '../../../../src-main/core/api';
import { severity, type Severity, type Thresholds } from './thresholds.svelte';

export interface Attention {
  severity: Severity;
  /** What the threshold measured: the caller's wait or the hold. */
  reason: 'wait' | 'hold' | null;
  elapsedMs: number;
}

const CALM: Attention = { severity: 'ok', reason: null, elapsedMs: 0 };

/** How urgent a live call is now: waiting callers by their whole wait, held calls by the hold. */
export function attentionOf(call: BoardCall, now: number, limits: Thresholds): Attention {
  if (call.phase !== 'live') return CALM;
  if (call.state === 'queued') {
    const elapsedMs = now - (call.waitingSince ?? call.stateSince);
    return { severity: severity(elapsedMs, limits.waitAmberSec, limits.waitRedSec), reason: 'wait', elapsedMs };
  }
  if (call.state === 'hold') {
    const elapsedMs = now - call.stateSince;
    return { severity: severity(elapsedMs, limits.holdAmberSec, limits.holdRedSec), reason: 'hold', elapsedMs };
  }
  return CALM;
}
