import type { ProviderProfile, SecretKindName, SecretStatus, SwitchboardApi } from '../api';
import { InvalidRequestError, requireString } from '../api-validation';
import { DEMO_PROFILE_ID } from '../profiles/defaults';
import { ProfileValidationError } from '../profiles/field-checks';
import { adapterFor } from '../providers/registry';
import { isSecretKind, type SecretKind } from '../secrets/kinds';
import { allProfiles, disconnectIfRunning, findProfile } from './connections';
import type { CoreContext } from './context';

/** Long enough for any API key, token or PEM-ish secret; short enough to refuse junk. */
const MAX_SECRET_LENGTH = 16 * 1024;

export function profileHandlers(core: CoreContext) {
  return {
    listProfiles: async () => allProfiles(core),
    getProfile: async (profileId) => storedProfile(core, profileId),
    saveProfile: async (profile) => {
      try {
        return await core.profiles.save(profile);
      } catch (error) {
        if (error instanceof ProfileValidationError) throw new InvalidRequestError(error.message);
        throw error;
      }
    },
    deleteProfile: async (profileId) => {
      const profile = storedProfile(core, profileId);
      await disconnectIfRunning(core, findProfile(core, profile.id));
      await core.profiles.delete(profile.id);
      core.dialpadTokens.forget(profile.id);
      await core.secrets.deleteProfile(profile.id);
    },
    duplicateProfile: async (profileId) => {
      const copy = await core.profiles.duplicate(storedProfile(core, profileId).id);
      if (copy === null) throw new InvalidRequestError('The profile was deleted meanwhile.');
      return copy;
    },
    setSecret: async (profileId, kind, value) => {
      const profile = storedProfile(core, profileId);
      if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_SECRET_LENGTH) {
        throw new InvalidRequestError(`A secret must be non-empty text of at most ${MAX_SECRET_LENGTH} characters; use clearSecret to remove one.`);
      }
      await core.secrets.set(profile.id, usedKind(profile, kind), value);
      return secretStatus(core, profile);
    },
    secretStatus: async (profileId) => secretStatus(core, storedProfile(core, profileId)),
    clearSecret: async (profileId, kind) => {
      const profile = storedProfile(core, profileId);
      await core.secrets.delete(profile.id, requireKind(kind));
      return secretStatus(core, profile);
    },
  } satisfies Partial<SwitchboardApi>;
}

/** A user profile; the built-in demo has no settings or secrets to manage. */
export function storedProfile(core: CoreContext, profileId: unknown): ProviderProfile {
  const id = requireString(profileId, 'profileId');
  if (id === DEMO_PROFILE_ID) throw new InvalidRequestError('The demo profile is built in: it has no settings or secrets to change.');
  const profile = core.profiles.get(id);
  if (!profile) throw new InvalidRequestError(`There is no profile "${id}".`);
  return profile;
}

async function secretStatus(core: CoreContext, profile: ProviderProfile): Promise<SecretStatus> {
  const uses = adapterFor(profile).secretsUsed(profile);
  const kinds = await Promise.all(
    uses.map(async (use) => ({ kind: use.kind, required: use.required, stored: await core.secrets.has(profile.id, use.kind) })),
  );
  return { profileId: profile.id, backend: core.secrets.backend, warning: core.secrets.warning, kinds };
}

function requireKind(kind: unknown): SecretKind {
  if (!isSecretKind(kind)) throw new InvalidRequestError(`Unknown secret kind ${JSON.stringify(kind)}.`);
  return kind;
}

/** Only kinds the profile's settings use: a stray secret would sit in the keychain unseen. */
function usedKind(profile: ProviderProfile, kind: SecretKindName): SecretKind {
  const known = requireKind(kind);
  const uses = adapterFor(profile).secretsUsed(profile);
  if (!uses.some((use) => use.kind === known)) {
    const expected = uses.map((use) => use.kind).join(', ') || 'none';
    throw new InvalidRequestError(`"${profile.name}" does not use a ${known} secret (it uses: ${expected}).`);
  }
  return known;
}
