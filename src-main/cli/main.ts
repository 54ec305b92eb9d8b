import { runRecord } from './record';
import { runSimulate } from './simulate';

const USAGE = `Usage: switchboard <command> [options]

Commands:
  simulate [--port N] [--rate R] [--seed S] [--token-lifetime SEC]
      Run the built-in provider simulator (Dialpad, VoIPBin, Opentact) on 127.0.0.1.
  record --profile <file.json> [--out events.ndjson] [--duration 60s|5m] [--filter <type prefix or text>]
         [--allow-secrets-in-file]
      Connect one profile without the app and write its events as NDJSON (stdout by default).
      Secrets: the keychain entries of the profile's id, or SWITCHBOARD_SECRET_<KIND> variables.
      Exit codes: 0 stopped (SIGINT, SIGTERM, --duration), 1 runtime failure, 2 usage error, 3 credentials refused.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  simulate: runSimulate,
  record: runRecord,
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
