import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs the keychain tests against a real OS keychain. On Linux that is a throwaway, unlocked
 * gnome-keyring in a private D-Bus session, so the tests never touch the user's own keyring.
 */
const vitest = ['npx', 'vitest', 'run', '--project', 'keychain'];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

let status;
if (process.platform !== 'linux') {
  status = spawnSync(vitest[0], vitest.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' }).status;
} else if (!hasCommand('dbus-run-session') || !hasCommand('gnome-keyring-daemon')) {
  console.error('The keychain tests need a Secret Service: apt-get install gnome-keyring dbus (.ci/run does this).');
  status = 1;
} else {
  const home = mkdtempSync(join(tmpdir(), 'switchboard-keyring-'));
  const inner = `echo -n switchboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec ${vitest.join(' ')}`;
  status = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home },
  }).status;
  rmSync(home, { recursive: true, force: true });
}
process.exit(status ?? 1);
