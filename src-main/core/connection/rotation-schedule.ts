export const DEFAULT_ROTATION_LEAD_MS = 5 * 60_000;

/**
 * Milliseconds from now until the socket should be renewed, or null when it cannot be planned
 * (already expired: the server will cut it and the normal reconnect takes over). The lead is
 * capped to half the remaining lifetime so short-lived tokens still get most of their use.
 */
export function rotationDelayMs(now: number, expiresAt: number, leadMs: number): number | null {
  const lifetime = expiresAt - now;
  if (lifetime <= 0) return null;
  const lead = Math.min(leadMs, lifetime / 2);
  return Math.round(lifetime - lead);
}
