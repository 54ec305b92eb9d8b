import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { prepareElectron } from './electron-runtime.mjs';
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
const runtime = prepareElectron();
if (runtime.problem) {
  console.log(`Switchboard: cannot open the desktop window here: ${runtime.problem}. Starting web mode instead.`);
  await import('../out/main/web.js');
} else {
  const child = spawn(runtime.binary, [join(import.meta.dirname, '..')], {
    stdio: 'inherit',
    env: { ...process.env, SWITCHBOARD_SQLITE_BINDING: runtime.binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
