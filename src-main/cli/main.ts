import { runSimulate } from './simulate';

const USAGE = `Usage: switchboard <command> [options]

Commands:
  simulate [--port N] [--rate R] [--seed S] [--token-lifetime SEC]
      Run the built-in provider simulator (Dialpad, VoIPBin, Opentact) on 127.0.0.1.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  simulate: runSimulate,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`switchboard: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
