/**
 * Child process for recorder-kill.test.ts, bundled by it and run with plain node: the app core on
 * a data folder, one Opentact profile made through the session API against the simulator the
 * parent runs, connected. For every live batch the core pushes (pushed = stored and committed,
 * as the UI is told) it prints `pushed <firstSeq> <lastSeq> <count> <sha1 of the raw frames>`.
 * Bounded in time so a parent that never kills it still sees it end.
 */
import { createHash } from 'node:crypto';
import type { ApiEventName, LiveBatch, OpentactProfile } from '../../../src-main/core/api';
import { MemorySecretStore } from '../../../src-main/core/secrets/memory-store';
import { startCore, type ApiSession, type PushFn } from '../../../src-main/core/service';

const MAX_RUN_MS = 30_000;
const PROFILE_NAME = 'Crash Opentact';

async function main(dataDir: string, baseUrl: string, email: string, password: string): Promise<void> {
  setTimeout(() => process.exit(4), MAX_RUN_MS).unref();
  const core = await startCore({ dataDir, mode: 'web', version: 'crash', autoConnect: false, secrets: new MemorySecretStore(), log: () => {} });
  const push = ((event: ApiEventName, payload: unknown) => {
    if (event !== 'liveBatch') return;
    const { batchId, events } = payload as LiveBatch;
    if (events.length > 0) {
      const digest = createHash('sha1');
      for (const stored of events) digest.update(stored.raw);
      // Writes to a pipe are synchronous on Linux and macOS: a printed line was really sent.
      process.stdout.write(`pushed ${events[0]!.seq} ${events.at(-1)!.seq} ${events.length} ${digest.digest('hex')}\n`);
    }
    void api.ackLiveBatch(batchId);
  }) as PushFn;
  const api: ApiSession = core.openSession(push);
  // After a restart the profile is still in profiles.json; the memory keychain is not.
  const existing = (await api.listProfiles()).find((profile) => profile.name === PROFILE_NAME);
  const profileId = existing?.id ?? (await api.saveProfile(opentactProfile(baseUrl, email))).id;
  await api.setSecret(profileId, 'password', password);
  if (existing === undefined) await api.createOpentactSubscription(profileId, { type: 'call_state' });
  await api.connect(profileId);
  process.stdout.write(`connecting ${profileId}\n`);
}

function opentactProfile(baseUrl: string, email: string): OpentactProfile {
  return {
    id: '',
    name: PROFILE_NAME,
    provider: 'opentact',
    restBase: `${baseUrl}/rest`,
    socketUrl: `${baseUrl.replace(/^http/, 'ws')}/wss`,
    credential: 'login',
    email,
    subscriptionDeletePath: '/event/subscription/{uuid}',
  };
}

const [dataDir, baseUrl, email, password] = process.argv.slice(2);
if (!dataDir || !baseUrl || !email || !password) {
  process.stderr.write('usage: node ingest-child.cjs <data dir> <simulator url> <email> <password>\n');
  process.exit(2);
}
main(dataDir, baseUrl, email, password).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
