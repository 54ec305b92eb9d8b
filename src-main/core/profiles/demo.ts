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

export interface DemoOptions extends SimulatorOptions {
  /** Tests compare what the app shows with the simulator's ground truth through this; no API exposes it. */
  onSimulatorStarted?: (simulator: Simulator) => void;
}

/**
 * The demo profile: the built-in simulator, started in-process, reached over a real socket
 * exactly like a Dialpad websocket (fresh URL on every connect, rotation before the token expires).
 */
export function createDemoSource(options: DemoOptions): ProviderSource {
  let simulator: Promise<Simulator> | null = null;
  const running = (): Promise<Simulator> =>
    (simulator ??= startSimulator(options).then((started) => {
      options.onSimulatorStarted?.(started);
      return started;
    }));
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
