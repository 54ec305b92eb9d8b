/**
 * How the contact center is sized for a target event rate. Up to a few hundred events/s time
 * runs at wall-clock speed and the staff grows; beyond that calls get shorter too, so 50k
 * events/s means thousands of concurrent calls rather than millions.
 */
const MIN_RATE = 0.1;
const MAX_RATE = 50_000;

/** Measured average business events per call, agent status changes included (see unit test). */
const EVENTS_PER_CALL = 8;
const CALL_SHARE = 0.88;
/** Average agent handling time of a call at time scale 1, seconds. */
const HANDLE_SECONDS = 17.5;
const REAL_TIME_RATE_LIMIT = 150;
const MAX_AGENTS = 4000;

export interface TrafficProfile {
  rate: number;
  /** Durations are divided by this. */
  timeScale: number;
  callsPerSecond: number;
  smsPerSecond: number;
  agentsNeeded: number;
}

function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return MIN_RATE;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

export function trafficProfile(requestedRate: number, baseAgents: number): TrafficProfile {
  const rate = clampRate(requestedRate);
  const timeScale = Math.max(1, rate / REAL_TIME_RATE_LIMIT);
  const callsPerSecond = (rate * CALL_SHARE) / EVENTS_PER_CALL;
  // Slightly under-staffed on purpose: queues form, some callers abandon, the board has work.
  const busyAgents = (callsPerSecond * HANDLE_SECONDS) / timeScale;
  return {
    rate,
    timeScale,
    callsPerSecond,
    smsPerSecond: rate * (1 - CALL_SHARE),
    agentsNeeded: Math.min(MAX_AGENTS, Math.max(baseAgents, Math.round(busyAgents * 0.75))),
  };
}
