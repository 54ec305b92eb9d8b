import type { WebsocketProfile } from '../api';
import { AuthError } from '../connection/errors';
import type { SocketTarget } from '../connection/types';
import type { ProviderAdapter, SecretUse } from './adapter';
import type { ProviderSource } from './source';
import { createRawWebSocketDecoder } from './websocket';

export const websocketAdapter: ProviderAdapter<WebsocketProfile> = {
  provider: 'websocket',

  secretsUsed(profile): SecretUse[] {
    return profile.headers.some((header) => header.secret) ? [{ kind: 'token', required: true }] : [];
  },

  setupProblem: () => null,

  createSource(profile, deps): ProviderSource {
    const framesAfterOpen = profile.framesAfterOpen;
    return {
      provider: 'websocket',
      decoder: createRawWebSocketDecoder(),
      driver: {
        resolveTarget: async (): Promise<SocketTarget> => {
          const headers: Record<string, string> = {};
          for (const header of profile.headers) {
            if (!header.secret) {
              headers[header.name] = header.value;
              continue;
            }
            const value = await deps.secrets.get(profile.id, 'token');
            if (value === null) throw new AuthError(`no value is stored for the secret header ${header.name}`);
            headers[header.name] = value;
          }
          return { url: profile.url, headers, protocols: profile.subprotocols };
        },
        // Without frames to send there is nothing to wait for: the socket is live on open.
        ...(framesAfterOpen.length > 0 && {
          handshake: async (ctx) => {
            for (const frame of framesAfterOpen) ctx.send(frame);
          },
        }),
      },
      dispose: async () => {},
    };
  },
};
