import { startSimulator, type SimulatorOptions } from '../core/simulator';

const USAGE = 'usage: switchboard simulate [--port N] [--rate EVENTS_PER_SEC] [--seed S] [--token-lifetime SEC]';

/** Parses `--name value` pairs into simulator options; throws with a readable message on junk. */
export function parseSimulateArgs(argv: readonly string[]): SimulatorOptions {
  const options: SimulatorOptions = {};
  const flags: Record<string, (value: number) => void> = {
    '--port': (value) => (options.port = value),
    '--rate': (value) => (options.rate = value),
    '--seed': (value) => (options.seed = value),
    '--token-lifetime': (value) => (options.tokenLifetimeSec = value),
  };
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index] ?? '';
    const apply = flags[flag];
    if (apply === undefined) throw new Error(`unknown option ${flag}\n${USAGE}`);
    const value = Number(argv[index + 1]);
    if (argv[index + 1] === undefined || !Number.isFinite(value)) throw new Error(`${flag} needs a number\n${USAGE}`);
    apply(value);
  }
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)) {
    throw new Error(`--port must be 0..65535\n${USAGE}`);
  }
  return options;
}

/** `switchboard simulate`: runs the simulator in the foreground until SIGINT or SIGTERM. */
export async function runSimulate(argv: string[]): Promise<number> {
  let options: SimulatorOptions;
  try {
    options = parseSimulateArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const simulator = await startSimulator(options);
  const socket = await simulator.demoDialpadSocket();
  const { demo } = simulator;
  process.stdout.write(
    [
      `Switchboard simulator listening on ${simulator.baseUrl} (127.0.0.1 only)`,
      'Demo credentials (valid for this simulator only):',
      `  Dialpad   API key ${demo.dialpadApiKey}   REST ${simulator.baseUrl}/api/v2`,
      `            demo socket ${socket.url}`,
      `  VoIPBin   login ${demo.voipbinUsername} / ${demo.voipbinPassword}   access key ${demo.voipbinAccessKey}`,
      `            customer ${demo.voipbinCustomerId}   socket ws://127.0.0.1:${simulator.port}/v1.0/ws`,
      `  Opentact  ${demo.opentactEmail} / ${demo.opentactPassword}   REST ${simulator.baseUrl}/rest   socket ws://127.0.0.1:${simulator.port}/wss`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await simulator.close();
  return 0;
}
