import type { ProfileSummary } from '../api';
import { createDialpadDecoder } from '../providers/dialpad';
import type { ProviderSource } from '../providers/source';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

export const DEMO_PROFILE: ProfileSummary = {
  id: 'demo',
  name: 'Demo contact center',
  provider: 'dialpad',
  target: 'Built-in simulator on 127.0.0.1 (Dialpad format)',
  isDemo: true,
};

/**
 * The demo profile: the built-in simulator, started in-process, reached over a real socket
 * exactly like a Dialpad websocket (fresh URL on every connect, rotation before the token expires).
 */
export function createDemoSource(options: SimulatorOptions): ProviderSource {
  let simulator: Promise<Simulator> | null = null;
  const running = (): Promise<Simulator> => (simulator ??= startSimulator(options));
  return {
    provider: DEMO_PROFILE.provider,
    driver: {
      resolveTarget: async () => {
        const socket = await (await running()).demoDialpadSocket();
        return { url: socket.url, expiresAt: socket.expiresAt };
      },
    },
    decoder: createDialpadDecoder({ jwtSecret: null }),
    dispose: async () => {
      if (simulator) await (await simulator).close();
      simulator = null;
    },
  };
}
