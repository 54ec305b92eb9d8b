import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { startCore } from '../core/service';
import { STORE_WRITER_ENTRY } from '../core/store';
import { openInBrowser } from './open-browser';
import { startWebServer } from './server';

/** `npm run web [-- --port N --no-open --data-dir DIR]`: the whole app in a browser tab. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const here = import.meta.dirname;
  const { version } = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string };
  const dataDir = values['data-dir'] ?? defaultDataDir();

  const core = await startCore({ dataDir, mode: 'web', version, storeWriterScript: join(here, STORE_WRITER_ENTRY) });
  const server = await startWebServer({ host: core, rendererDir: join(here, '../renderer'), port, transfers: core.transfers });
  console.log(`Switchboard web mode: ${server.url}`);
  if (!values['no-open'] && !(await openInBrowser(server.url))) {
    console.log('No browser could be opened here: open the URL above yourself.');
  }

  const shutdown = async (): Promise<void> => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`Switchboard web mode could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
