import type { ProfileSummary, SwitchboardApi } from '../api';
import { requireString } from '../api-validation';
import { createDemoSource, DEMO_PROFILE } from '../profiles/demo';
import type { CoreContext } from './context';

const PROFILES: ProfileSummary[] = [DEMO_PROFILE];

export function findProfile(profileId: unknown): ProfileSummary {
  const id = requireString(profileId, 'profileId');
  const profile = PROFILES.find((candidate) => candidate.id === id);
  if (!profile) throw new Error(`There is no profile "${id}".`);
  return profile;
}

export function connectProfile(core: CoreContext, profile: ProfileSummary) {
  return core.sources.connect(profile, () => createDemoSource(core.demo));
}

export function connectionHandlers(core: CoreContext) {
  return {
    listProfiles: async () => PROFILES,
    listConnections: async () => core.sources.statuses(),
    connect: async (profileId) => connectProfile(core, findProfile(profileId)),
    disconnect: async (profileId) => core.sources.disconnect(findProfile(profileId)),
  } satisfies Partial<SwitchboardApi>;
}
