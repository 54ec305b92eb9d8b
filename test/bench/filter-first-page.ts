/**
 * Time to the first filtered page over a large event log: `npx jiti test/bench/filter-first-page.ts [rows]`.
 * Not part of `npm test`. Seeds a temporary store with Dialpad-like call events, then times the
 * newest page (what the UI asks for when a filter changes) for filter expressions from common to rare.
 * A filter no index serves examines one seq window per page (store/page.ts), so rare matches
 * come back as a partial page with `searchedDownTo` rather than after a full scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventFilter, EventPage } from '../../src-main/core/api';
import { EventStore, type NewEvent } from '../../src-main/core/store/event-store';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const PAGE = 200;
const BATCH = 5_000;
const STATES = ['calling', 'ringing', 'connected', 'hold', 'hangup', 'voicemail'];
const AGENTS = ['Alice Moreno', 'Bob Smith', 'Carol Diaz', 'Dan Okafor', 'Eve Smithson', 'Frank Li', 'Grace Park', 'Hana Ito'];

function callEvent(index: number): NewEvent {
  const state = STATES[index % STATES.length]!;
  const agent = AGENTS[(index * 7) % AGENTS.length]!;
  const direction = index % 3 === 0 ? 'outbound' : 'inbound';
  const payload = {
    call_id: 6_524_329_623_650_000 + Math.floor(index / STATES.length),
    state,
    direction,
    duration: state === 'hangup' ? (index * 7919) % 600_000 : null,
    external_number: `+1415555${String(index % 10_000).padStart(4, '0')}`,
    target: { id: 5_235_518_231_109_632, type: 'user', name: agent, email: `${agent.split(' ')[0]!.toLowerCase()}@example.com` },
    entry_point_target: { name: 'Sales queue', type: 'callcenter' },
    recording_details: state === 'hangup' && index % 4 === 0 ? [{ id: `r${index}` }] : [],
    event_timestamp: 1_700_000_000_000 + index * 10,
  };
  return {
    connectionId: 'bench',
    provider: 'dialpad',
    receivedAt: 1_700_000_000_000 + index * 10,
    occurredAt: 1_700_000_000_000 + index * 10,
    topic: 'call',
    type: `call.${state}`,
    callId: String(payload.call_id),
    summary: `${state} ${direction} ${agent}`,
    raw: JSON.stringify(payload),
    rawEncoding: 'text',
    payload,
    verified: null,
  };
}

const CASES: [string, string][] = [
  ['common payload equality', 'state = hangup'],
  ['numeric comparison', 'duration > 300000'],
  ['regex on a nested field', 'target.name ~ /smith/i'],
  ['two predicates', 'state = hangup AND direction = outbound'],
  ['exists', 'exists(recording_details.0)'],
  ['event field', '@type = call.hangup'],
  ['free text word (FTS)', 'smithson'],
  ['free text under OR', 'smithson OR state = hold'],
  ['rare: one call id (full scan)', `call_id = ${6_524_329_623_650_000 + 7}`],
  ['no match (full scan)', 'state = nonexistent'],
];

const dir = mkdtempSync(join(tmpdir(), 'switchboard-filter-bench-'));
try {
  const store = EventStore.open({ file: join(dir, 'events.sqlite') });
  const seedStart = performance.now();
  for (let start = 0; start < ROWS; start += BATCH) {
    store.append(Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, offset) => callEvent(start + offset)));
  }
  console.log(`Seeded ${ROWS.toLocaleString('en-US')} events in ${Math.round(performance.now() - seedStart).toLocaleString('en-US')} ms`);
  store.close();

  // Measured as the app meets the log: opened afresh, as after a restart.
  const reopened = EventStore.open({ file: join(dir, 'events.sqlite') });
  const timed = (filter: EventFilter): [number, EventPage] => {
    const started = performance.now();
    const page = reopened.query({ limit: PAGE, filter });
    return [performance.now() - started, page];
  };
  const [cold] = timed({});
  console.log(`First unfiltered page after opening: ${cold.toFixed(0)} ms`);
  console.log(`\n| Filter | Expression | First page of ${PAGE} | Rows | Searched down to |\n| --- | --- | ---: | ---: | ---: |`);
  for (const [label, expression] of CASES) {
    const [elapsed, page] = timed({ expression });
    const searched = page.searchedDownTo === undefined ? '—' : `#${page.searchedDownTo.toLocaleString('en-US')}`;
    console.log(`| ${label} | \`${expression}\` | ${elapsed.toFixed(0)} ms | ${page.events.length} | ${searched} |`);
  }
  reopened.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
