import type { OpentactProfile } from '../api';
import { AuthError, SocketClosedError } from '../connection/errors';
import type { HandshakeContext } from '../connection/types';
import type { ProviderAdapter, SecretUse } from './adapter';
import { createOpentactDecoder } from './opentact';
import { readAuthReply } from './opentact-events';
import { OpentactCredential } from './opentact-rest';
import type { ProviderSource } from './source';

/** Frames we are willing to skip while waiting for the auth reply (the server sends none before it). */
const MAX_FRAMES_BEFORE_AUTH_REPLY = 10;
const AUTH_REPLY_TIMEOUT_MS = 10_000;

export const opentactAdapter: ProviderAdapter<OpentactProfile> = {
  provider: 'opentact',

  secretsUsed(profile): SecretUse[] {
    return [{ kind: profile.credential === 'token' ? 'token' : 'password', required: true }];
  },

  setupProblem(profile): string | null {
    return profile.credential === 'login' && !profile.email ? 'Enter the Opentact account email.' : null;
  },

  createSource(profile, deps): ProviderSource {
    const credential = new OpentactCredential(profile, deps);
    return {
      provider: 'opentact',
      decoder: createOpentactDecoder(),
      driver: {
        resolveTarget: async () => ({ url: profile.socketUrl }),
        handshake: async (ctx) => {
          try {
            await signIn(ctx, await credential.token());
          } catch (error) {
            if (error instanceof AuthError) credential.forget();
            throw error;
          }
        },
      },
      dispose: async () => {},
    };
  },
};

/** `{"type":"auth","payload":<token>}`, then the auth reply: success -> live; anything else -> refused. */
async function signIn(ctx: HandshakeContext, token: string): Promise<void> {
  ctx.send(JSON.stringify({ type: 'auth', payload: token }));
  for (let read = 0; read < MAX_FRAMES_BEFORE_AUTH_REPLY; read += 1) {
    let text: string;
    try {
      text = (await ctx.nextFrame(AUTH_REPLY_TIMEOUT_MS)).data.toString('utf8');
    } catch (error) {
      // The failure reply is undocumented: a close right after our auth frame is the refusal.
      if (error instanceof SocketClosedError) {
        throw new AuthError(`Opentact closed the connection after the auth frame (code ${error.code}${error.closeReason ? `: ${error.closeReason}` : ''}): the token was refused`);
      }
      throw error;
    }
    const reply = authReplyIn(text);
    if (reply === null) continue;
    if (reply.ok) return;
    throw new AuthError(`Opentact refused the token: ${reply.summary}`);
  }
  throw new Error('Opentact sent no reply to the auth frame');
}

function authReplyIn(text: string): ReturnType<typeof readAuthReply> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? readAuthReply(value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
