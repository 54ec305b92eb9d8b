import type { ProviderId } from '../api';
import type { ConnectionDriver } from '../connection/connection';
import type { FrameDecoder } from './frame';

/** What a provider adapter makes of one profile: how to open its socket and how to read its frames. */
export interface ProviderSource {
  provider: ProviderId;
  driver: ConnectionDriver;
  decoder: FrameDecoder;
  dispose(): Promise<void>;
}
