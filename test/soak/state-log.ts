import type { ConnectionState, ConnectionStatus } from '../../src-main/core/api';

interface Sighting {
  state: ConnectionState;
  at: number;
}

const POLL_MS = 25;

/**
 * Every connection state the core pushed, per profile, with the core's own timestamp. Faults are
 * measured against it: "recovered" is the first `live` after the fault that follows a state
 * other than `live`, so a state pushed before the fault never counts.
 */
export class StateLog {
  private readonly byProfile = new Map<string, Sighting[]>();

  record(status: ConnectionStatus): void {
    const list = this.byProfile.get(status.profileId) ?? [];
    list.push({ state: status.state, at: status.since });
    this.byProfile.set(status.profileId, list);
  }

  /** Entries into `state` at or after `since`. */
  entries(profileId: string, state: ConnectionState, since = 0): number {
    return (this.byProfile.get(profileId) ?? []).filter((sighting) => sighting.state === state && sighting.at >= since).length;
  }

  current(profileId: string): ConnectionState | null {
    return this.byProfile.get(profileId)?.at(-1)?.state ?? null;
  }

  /** When the profile first left `live` at or after `since`, or null. */
  leftLiveAt(profileId: string, since: number): number | null {
    return this.firstAfter(profileId, since, (sighting) => sighting.state !== 'live')?.at ?? null;
  }

  /** The first `live` after the connection left `live` at or after `since`, or null. */
  liveAgainAt(profileId: string, since: number): number | null {
    const left = this.leftLiveAt(profileId, since);
    if (left === null) return null;
    return this.firstAfter(profileId, left, (sighting) => sighting.state === 'live')?.at ?? null;
  }

  /** Polls until `read` returns a value or the time is up (then null). */
  static async waitFor<T>(read: () => T | null, timeoutMs: number): Promise<T | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = read();
      if (value !== null || Date.now() >= deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private firstAfter(profileId: string, since: number, matches: (sighting: Sighting) => boolean): Sighting | undefined {
    return (this.byProfile.get(profileId) ?? []).find((sighting) => sighting.at >= since && matches(sighting));
  }
}
