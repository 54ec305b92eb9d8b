import type { ProfileSummary, SwitchboardApi } from '../api';
import { InvalidRequestError, requireString } from '../api-validation';
import { DEMO_PROFILE_ID } from '../profiles/defaults';
import { createDemoSource, DEMO_PROFILE } from '../profiles/demo';
import { profileSummary } from '../profiles/summary';
import { adapterFor } from '../providers/registry';
import type { CoreContext } from './context';

/** The demo first, then the user's profiles in the order they were made. */
export function allProfiles(core: CoreContext): ProfileSummary[] {
  return [DEMO_PROFILE, ...core.profiles.list().map(profileSummary)];
}

export function findProfile(core: CoreContext, profileId: unknown): ProfileSummary {
  const id = requireString(profileId, 'profileId');
  if (id === DEMO_PROFILE_ID) return DEMO_PROFILE;
  const profile = core.profiles.get(id);
  if (!profile) throw new InvalidRequestError(`There is no profile "${id}".`);
  return profileSummary(profile);
}

/** Connects through the profile's provider adapter; the demo runs the built-in simulator. */
export function connectProfile(core: CoreContext, summary: ProfileSummary) {
  if (summary.isDemo) return core.sources.connect(summary, () => createDemoSource(core.demo));
  const profile = core.profiles.get(summary.id);
  if (!profile) throw new InvalidRequestError(`There is no profile "${summary.id}".`);
  const adapter = adapterFor(profile);
  const problem = adapter.setupProblem(profile);
  if (problem !== null) throw new InvalidRequestError(`"${profile.name}" cannot connect yet: ${problem}`);
  return core.sources.connect(summary, () => adapter.createSource(profile, core.providers));
}

/** Disconnects the profile if a socket of it is open or being opened. */
export async function disconnectIfRunning(core: CoreContext, summary: ProfileSummary): Promise<void> {
  const running = core.sources.statuses().some(
    (status) => status.profileId === summary.id && status.state !== 'closed' && status.state !== 'failed',
  );
  if (running) await core.sources.disconnect(summary);
}

export function connectionHandlers(core: CoreContext) {
  return {
    listConnections: async () => core.sources.statuses(),
    connect: async (profileId) => connectProfile(core, findProfile(core, profileId)),
    disconnect: async (profileId) => core.sources.disconnect(findProfile(core, profileId)),
  } satisfies Partial<SwitchboardApi>;
}
