import type { DialpadProfile, SignInStart, SwitchboardApi } from '../api';
import { InvalidRequestError } from '../api-validation';
import { AuthError, isAuthError } from '../auth/auth-error';
import { CUSTOM_SCHEME_REDIRECT_URI } from '../auth/callback-url';
import { startLoopbackReceiver } from '../auth/loopback-receiver';
import type { CompletedFlow } from '../auth/pending-flows';
import { exchangeCode, revoke } from '../auth/token-client';
import { FLOW_LIFETIME_MS } from '../auth/pending-flows';
import { dialpadHost } from '../providers/dialpad-rest';
import type { CoreContext } from './context';
import { storedProfile } from './profiles';

/**
 * Dialpad OAuth (authorization code + PKCE) from the profile's settings: the system browser does
 * the sign-in, the callback comes back through `switchboard://` or the loopback receiver, and the
 * tokens go to the keychain through the profile's TokenManager. The outcome is pushed as
 * `signInResult`, because it arrives long after the request that started it.
 */
export function dialpadSignInHandlers(core: CoreContext) {
  return {
    beginDialpadSignIn: async (profileId) => beginSignIn(core, oauthProfile(core, profileId)),
    signOutDialpad: async (profileId) => signOut(core, oauthProfile(core, profileId)),
  } satisfies Partial<SwitchboardApi>;
}

function oauthProfile(core: CoreContext, profileId: unknown): DialpadProfile & { oauth: NonNullable<DialpadProfile['oauth']> } {
  const profile = storedProfile(core, profileId);
  if (profile.provider !== 'dialpad' || profile.credential !== 'oauth' || profile.oauth === null) {
    throw new InvalidRequestError(`"${profile.name}" does not sign in with Dialpad OAuth: choose OAuth as its credential first.`);
  }
  return { ...profile, oauth: profile.oauth };
}

async function beginSignIn(core: CoreContext, profile: DialpadProfile & { oauth: NonNullable<DialpadProfile['oauth']> }): Promise<SignInStart> {
  const host = dialpadHost(profile);
  // Web mode has no protocol handler of its own: the loopback redirect is its only way back.
  const loopback = profile.oauth.redirect === 'loopback' || core.openExternal === null;
  const receiver = loopback ? await startLoopbackReceiver({ flows: core.flows, timeoutMs: FLOW_LIFETIME_MS }) : null;
  const redirectUri = receiver?.redirectUri ?? CUSTOM_SCHEME_REDIRECT_URI;
  const started = core.flows.start({
    profileId: profile.id,
    authorizeUrl: `${host}/oauth2/authorize`,
    clientId: profile.oauth.clientId,
    redirectUri,
    scopes: profile.oauth.scopes,
  });
  const completion = receiver ? receiver.result.finally(() => receiver.close()) : protocolCallbackFor(core, profile.id);
  void completion.then(
    (flow) => finishSignIn(core, profile, host, flow),
    (error: unknown) => report(core, profile.id, false, describe(error)),
  );
  if (core.openExternal) {
    await core.openExternal(started.authorizationUrl);
    return { authorizationUrl: started.authorizationUrl, openedBySystem: true };
  }
  return { authorizationUrl: started.authorizationUrl, openedBySystem: false };
}

/** Waits for the `switchboard://` callback of this profile's flow (the shell hands it to the core). */
function protocolCallbackFor(core: CoreContext, profileId: string): Promise<CompletedFlow> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      core.signInCallbacks.delete(listener);
      clearTimeout(timer);
    };
    const listener = (callback: { flow: CompletedFlow } | { error: AuthError }): void => {
      if ('flow' in callback) {
        if (callback.flow.profileId !== profileId) return;
        done();
        resolve(callback.flow);
      } else if (callback.error.profileId === undefined || callback.error.profileId === profileId) {
        done();
        reject(callback.error);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new AuthError('state_expired', 'The Dialpad sign-in was not completed within 10 minutes. Start it again.'));
    }, FLOW_LIFETIME_MS);
    timer.unref();
    core.signInCallbacks.add(listener);
  });
}

async function finishSignIn(core: CoreContext, profile: DialpadProfile, host: string, flow: CompletedFlow): Promise<void> {
  try {
    const clientSecret = profile.oauth?.clientSecretRequired ? await core.secrets.get(profile.id, 'clientSecret') : null;
    if (profile.oauth?.clientSecretRequired && clientSecret === null) {
      throw new InvalidRequestError('This Dialpad app needs its client secret: set it on the profile, then sign in again.');
    }
    const tokens = await exchangeCode(
      {
        tokenUrl: `${host}/oauth2/token`,
        code: flow.code,
        verifier: flow.verifier,
        clientId: flow.clientId,
        redirectUri: flow.redirectUri,
        ...(clientSecret !== null && { clientSecret }),
      },
      { fetch: core.providers.fetch },
    );
    await core.dialpadTokens.forProfile(profile).store(tokens);
    report(core, profile.id, true, 'Signed in to Dialpad. The tokens are in the keychain and refresh by themselves.');
  } catch (error) {
    report(core, profile.id, false, describe(error));
  }
}

async function signOut(core: CoreContext, profile: DialpadProfile): Promise<void> {
  const accessToken = await core.secrets.get(profile.id, 'accessToken');
  await core.dialpadTokens.forProfile(profile).clear();
  core.dialpadTokens.forget(profile.id);
  // The local tokens are gone either way; a failed revoke is worth telling, not worth keeping them.
  if (accessToken !== null) await revoke({ url: `${dialpadHost(profile)}/oauth2/deauthorize`, accessToken }, { fetch: core.providers.fetch });
}

function report(core: CoreContext, profileId: string, ok: boolean, message: string): void {
  core.log(`Dialpad sign-in for profile ${profileId}: ${ok ? 'succeeded' : 'failed'}.`);
  core.broadcast('signInResult', { profileId, ok, message });
}

function describe(error: unknown): string {
  if (isAuthError(error) || error instanceof InvalidRequestError) return error.message;
  return 'The Dialpad sign-in failed unexpectedly. Try again.';
}
