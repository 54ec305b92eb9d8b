import type { SwitchboardApi } from '../../src-main/core/api';
import type { MalformedKind, SimProvider } from '../../src-main/core/simulator';
import type { RemoteSimulator } from './remote-simulator';
import type { SimProfile } from './sim-profiles';
import { StateLog } from './state-log';

export interface FaultContext {
  simulator: RemoteSimulator;
  api: SwitchboardApi;
  profiles: readonly SimProfile[];
  states: StateLog;
}

/** What one profile went through in one fault. */
export interface FaultOutcome {
  provider: SimProvider;
  profileId: string;
  /** Fault to the next `live`; null when it never came back within the limit. */
  recoveryMs: number | null;
  /** For faults that must not cost the socket (malformed frames): it stayed live throughout. */
  stayedLive: boolean;
}

export interface FaultRun {
  fault: FaultName;
  startedAt: number;
  outcomes: FaultOutcome[];
  /** Malformed frames that reached a live socket, per provider (each must be stored as `system.malformed`). */
  malformedSent: Partial<Record<SimProvider, number>>;
}

export const FAULT_ROTATION = ['socket-drop', 'half-open', 'token-expiry', 'restart', 'malformed', 'oversized', 'credential-rejection'] as const;
export type FaultName = (typeof FAULT_ROTATION)[number];

/** A half-open socket is only noticed after two unanswered 15 s pings, then the backoff runs. */
const RECOVERY_LIMIT_MS = 120_000;
/** Between the core cutting a silent socket and the simulator seeing it gone: local TCP, far less. */
const HALF_OPEN_SETTLE_MS = 500;
const RESTART_DOWNTIME_MS = 1_000;
/** Long enough for a malformed frame that would cost the socket to show it. */
const MALFORMED_OBSERVATION_MS = 2_000;
const MALFORMED_KINDS: readonly MalformedKind[] = ['invalid-utf8', 'invalid-json', 'binary'];

export async function injectFault(fault: FaultName, context: FaultContext): Promise<FaultRun> {
  const startedAt = Date.now();
  const { outcomes, malformedSent = {} } = await FAULTS[fault](context, startedAt);
  return { fault, startedAt, outcomes, malformedSent };
}

type FaultScript = (context: FaultContext, startedAt: number) => Promise<{ outcomes: FaultOutcome[]; malformedSent?: FaultRun['malformedSent'] }>;

const FAULTS: Record<FaultName, FaultScript> = {
  'socket-drop': async (context, startedAt) => {
    await context.simulator.dropSockets();
    return { outcomes: await allRecovered(context, startedAt) };
  },

  'half-open': async (context, startedAt) => {
    await Promise.all(context.profiles.map((profile) => context.simulator.setHalfOpen(profile.provider, true)));
    // Each provider's switch goes off once the core has cut that socket, so the reconnect finds a
    // healthy server; frames the simulator holds back meanwhile are never counted as sent.
    const outcomes = await Promise.all(
      context.profiles.map(async (profile) => {
        await StateLog.waitFor(() => context.states.leftLiveAt(profile.profileId, startedAt), RECOVERY_LIMIT_MS);
        await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_SETTLE_MS));
        await context.simulator.setHalfOpen(profile.provider, false);
        return recovered(context, profile, startedAt);
      }),
    );
    return { outcomes };
  },

  'token-expiry': async (context, startedAt) => {
    await context.simulator.expireTokens();
    return { outcomes: await allRecovered(context, startedAt) };
  },

  restart: async (context, startedAt) => {
    await context.simulator.restart(RESTART_DOWNTIME_MS);
    return { outcomes: await allRecovered(context, startedAt) };
  },

  malformed: (context, startedAt) => sendMalformed(context, startedAt, MALFORMED_KINDS),
  oversized: (context, startedAt) => sendMalformed(context, startedAt, ['oversized']),

  'credential-rejection': async (context, startedAt) => {
    const { simulator, api, profiles, states } = context;
    await Promise.all(profiles.map((profile) => simulator.setRejectCredentials(profile.provider, true)));
    await simulator.dropSockets();
    await Promise.all(
      profiles.map((profile) => StateLog.waitFor(() => (states.entries(profile.profileId, 'failed', startedAt) > 0 ? true : null), RECOVERY_LIMIT_MS)),
    );
    await Promise.all(profiles.map((profile) => simulator.setRejectCredentials(profile.provider, false)));
    // What a user does when asked for new credentials: enter them again, then connect.
    for (const profile of profiles) {
      await api.setSecret(profile.profileId, profile.secretKind, profile.secret);
      await api.connect(profile.profileId);
    }
    return { outcomes: await allRecovered(context, startedAt) };
  },
};

function allRecovered(context: FaultContext, startedAt: number): Promise<FaultOutcome[]> {
  return Promise.all(context.profiles.map((profile) => recovered(context, profile, startedAt)));
}

async function recovered(context: FaultContext, profile: SimProfile, startedAt: number): Promise<FaultOutcome> {
  const liveAt = await StateLog.waitFor(() => context.states.liveAgainAt(profile.profileId, startedAt), RECOVERY_LIMIT_MS);
  return { provider: profile.provider, profileId: profile.profileId, recoveryMs: liveAt === null ? null : liveAt - startedAt, stayedLive: false };
}

async function sendMalformed(context: FaultContext, startedAt: number, kinds: readonly MalformedKind[]): ReturnType<FaultScript> {
  const malformedSent: Partial<Record<SimProvider, number>> = {};
  for (const profile of context.profiles) {
    for (const kind of kinds) {
      malformedSent[profile.provider] = (malformedSent[profile.provider] ?? 0) + (await context.simulator.sendMalformed(profile.provider, kind));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, MALFORMED_OBSERVATION_MS));
  const outcomes = context.profiles.map((profile) => ({
    provider: profile.provider,
    profileId: profile.profileId,
    recoveryMs: null,
    stayedLive: context.states.leftLiveAt(profile.profileId, startedAt) === null,
  }));
  return { outcomes, malformedSent };
}
