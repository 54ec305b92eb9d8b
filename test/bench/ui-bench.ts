/**
 * `npm run bench:ui` (via test/bench/run-ui.mjs): the Monitor UI under load, in web mode, on
 * 127.0.0.1 only. Not part of `npm test`.
 *
 * 1. Seeds a fresh data folder with 1,000,000 stored Dialpad call events (~800 bytes each,
 *    `dialpad-frames.ts`), appended with EventStore in batches of 5,000 before the core starts.
 * 2. Starts the core + web server in-process on that folder, the demo simulator at 5,000 events/s,
 *    and opens the app (out/renderer) in Chromium at 1440x900.
 * 3. For ~20 s on the Monitor view following the live tail: requestAnimationFrame deltas in the
 *    page, and the renderer's JS heap (CDP `Performance.getMetrics`) at start and end.
 * 4. Times the first filtered page (200 events) over the stored log through the core session API
 *    the UI calls (`queryEvents`): an expression, a type filter and a text search.
 * 5. Writes the figures into docs/benchmarks.md between the bench:ui markers.
 *
 * Arguments: `[repoRoot] [rows] [seconds]`. Exit code 1 when a target is missed.
 * `BENCH_UI_TRACE=<file>` also records a Chromium performance trace of the frame window (open it
 * in the DevTools Performance panel) to see where long frames go.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import type { EventFilter, EventPage } from '../../src-main/core/api';
import { MemorySecretStore } from '../../src-main/core/secrets/memory-store';
import { startCore, type Core } from '../../src-main/core/service';
import { EventStore, type NewEvent } from '../../src-main/core/store/event-store';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { dialpadCallFrame } from './dialpad-frames';
import { describeMachine } from './machine';

const repoRoot = process.argv[2] ?? process.cwd();
const ROWS = Number(process.argv[3] ?? 1_000_000);
const SECONDS = Number(process.argv[4] ?? 20);
const BATCH = 5_000;
const RATE = 5_000;
const PAGE = 200;
const TARGET_P95_MS = 20;
const TARGET_FIRST_PAGE_MS = 150;
const TARGET_HEAP_MB = 300;
const runStarted = performance.now();
// The few page globals the page.evaluate callbacks use (this file is typechecked without the DOM lib).
interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): { length: number } };
declare function requestAnimationFrame(callback: (time: number) => void): number;
interface PageGlobals {
  benchFrames?: number[];
}

const START = '<!-- bench:ui:start -->';
const END = '<!-- bench:ui:end -->';

const n = (value: number): string => value.toLocaleString('en-US');
const mb = (bytes: number): number => Math.round(bytes / 1024 ** 2);

// A hard stop: the whole run stays under 3 minutes.
const watchdog = setTimeout(() => {
  console.error('UI benchmark: over the time limit, giving up.');
  // Playwright closes the Chromium it launched when this process exits.
  process.exit(2);
}, Number(process.env.BENCH_UI_LIMIT_S ?? 170) * 1_000);
watchdog.unref();

function seedEvent(index: number, now: number): NewEvent {
  const raw = dialpadCallFrame(index);
  const payload = JSON.parse(raw) as Record<string, unknown>;
  const state = payload.state as string;
  const agent = (payload.target as { name: string }).name;
  const at = now - (ROWS - index) * 2;
  return {
    connectionId: 'history',
    provider: 'dialpad',
    receivedAt: at,
    occurredAt: at,
    topic: 'call',
    type: `call.${state}`,
    callId: /"call_id":(\d+)/.exec(raw)![1]!,
    summary: `${state} · ${payload.direction as string} · ${agent}`,
    raw,
    rawEncoding: 'text',
    payload,
    verified: null,
  };
}

function seed(dataDir: string): { ms: number; appendedMs: number; avgBytes: number } {
  const started = performance.now();
  const store = EventStore.open({ file: join(dataDir, 'events.sqlite') });
  const now = Date.now();
  let bytes = 0;
  for (let start = 0; start < ROWS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, offset) => seedEvent(start + offset, now));
    for (const event of batch) bytes += event.raw.length;
    store.append(batch);
  }
  const appendedMs = performance.now() - started;
  // A log that has been idle is fully word-indexed (the indexer runs when appends pause); a text
  // query catches the index up, so the measured window does not pay for seeding's backlog.
  store.query({ limit: 1, filter: { text: 'seeded' } });
  store.close();
  return { ms: performance.now() - started, appendedMs, avgBytes: Math.round(bytes / ROWS) };
}

/**
 * The longest gap between two ticks of the core's event loop, which the web server, the store and
 * the simulator share here: a long frame in the page that coincides with one was waiting for the core.
 */
function watchEventLoop(): { stop(): { ms: number; endsAt: number } } {
  const started = performance.now();
  let last = started;
  let longest = { ms: 0, endsAt: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > longest.ms) longest = { ms: now - last, endsAt: (now - started) / 1_000 };
    last = now;
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}

/** The number in the status bar's "N skipped in the live tail …", 0 when it is not shown. */
const skippedCount = (text: string): number => Number(/^[\d,]+/.exec(text)?.[0].replace(/,/g, '') ?? 0);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main(): Promise<void> {
  const machine = describeMachine();
  const load = loadavg().map((value) => value.toFixed(2)).join(' / ');
  const date = new Date().toISOString().slice(0, 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-ui-bench-'));
  let core: Core | undefined;
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  try {
    console.log(`Seeding ${n(ROWS)} events…`);
    const seeded = seed(dataDir);
    console.log(`Seeded ${n(ROWS)} events (avg ${seeded.avgBytes} bytes): appended in ${n(Math.round(seeded.appendedMs))} ms, indexed by ${n(Math.round(seeded.ms))} ms`);

    core = await startCore({
      dataDir,
      mode: 'web',
      version: 'bench',
      demo: { rate: RATE, seed: 1 },
      secrets: new MemorySecretStore(),
      log: (line) => console.error(line),
    });
    server = await startWebServer({ host: core, rendererDir: join(repoRoot, 'out/renderer'), port: 0, transfers: core.transfers });
    if (!server.url.startsWith('http://127.0.0.1:')) throw new Error(`not on 127.0.0.1: ${server.url}`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async (): Promise<number> => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    };

    const opened = performance.now();
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('[data-testid="connection-chip"]')?.getAttribute('data-state') === 'live', null, { timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const list = document.querySelector('[data-testid="event-list"]');
        return list?.getAttribute('data-following') === 'true' && document.querySelectorAll('[data-testid="event-row"]').length > 5;
      },
      null,
      { timeout: 30_000 },
    );
    const readyMs = performance.now() - opened;
    await page.waitForTimeout(1_000);

    const readout = (): Promise<{ lastSeq: number; following: string | null; inView: string; skipped: string }> =>
      page.evaluate(() => ({
        lastSeq: Number(document.querySelector('[data-testid="event-list"]')?.getAttribute('data-last-seq') ?? 0),
        following: document.querySelector('[data-testid="event-list"]')?.getAttribute('data-following') ?? null,
        inView: document.querySelector('[data-testid="event-count"]')?.textContent?.trim() ?? '',
        skipped: document.querySelector('[data-testid="skipped-count"]')?.textContent?.trim() ?? '',
      }));

    const traceFile = process.env.BENCH_UI_TRACE;
    if (traceFile) {
      await browser.startTracing(page, {
        path: traceFile,
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'],
      });
    }
    const heapStart = await heapUsed();
    const storedStart = core.store.lastSeq();
    const shownStart = await readout();
    console.log(`Measuring frames for ${SECONDS} s…`);
    const coreStalls = watchEventLoop();
    // The recorder runs on its own and is read when done: awaiting one page promise for the whole
    // window sometimes never returned under load, although the page had finished.
    await page.evaluate((ms) => {
      const out: number[] = [];
      let first = -1;
      let last = -1;
      const tick = (time: number): void => {
        if (first < 0) first = time;
        else out.push(time - last, time - first);
        last = time;
        if (time - first < ms) requestAnimationFrame(tick);
        else (globalThis as PageGlobals).benchFrames = out;
      };
      requestAnimationFrame(tick);
    }, SECONDS * 1_000);
    await page.waitForFunction(() => (globalThis as PageGlobals).benchFrames !== undefined, null, { timeout: (SECONDS + 60) * 1_000, polling: 500 });
    const stall = coreStalls.stop();
    const raw = await page.evaluate(() => (globalThis as PageGlobals).benchFrames!);
    const heapEnd = await heapUsed();
    if (traceFile) {
      await browser.stopTracing();
      console.log(`Wrote a performance trace of the frame window to ${traceFile}`);
    }
    const storedEnd = core.store.lastSeq();
    const shownEnd = await readout();
    await cdp.send('HeapProfiler.collectGarbage');
    const heapEndGc = await heapUsed();

    // The page returns [delta, end offset in the window] pairs.
    const offsets = raw.filter((_, index) => index % 2 === 1);
    const deltas = raw.filter((_, index) => index % 2 === 0);
    const longest = deltas.indexOf(Math.max(...deltas));
    const longestEndsAt = (offsets[longest] ?? 0) / 1_000;
    const sorted = [...deltas].sort((a, b) => a - b);
    const frames = {
      count: deltas.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      over50: deltas.filter((delta) => delta > 50).length,
    };

    // The same queries the UI sends when a filter changes (stream-pane: newest page, no beforeSeq).
    console.log(`Frames done (${deltas.length}, longest ending ${longestEndsAt.toFixed(1)} s into the window); timing the first filtered pages…`);
    const session = core.openSession(() => {});
    const cases: [string, EventFilter][] = [
      ['expression', { expression: 'state = hangup' }],
      ['event type', { types: ['call.hangup'] }],
      ['text search', { text: 'Novak' }],
    ];
    const queries: { label: string; filter: string; ms: number; warmMs: number; rows: number; searchedDownTo?: number }[] = [];
    for (const [label, filter] of cases) {
      const started = performance.now();
      const result: EventPage = await session.queryEvents({ limit: PAGE, filter });
      console.log(`  ${label}: ${(performance.now() - started).toFixed(0)} ms`);
      const ms = performance.now() - started;
      const again = performance.now();
      await session.queryEvents({ limit: PAGE, filter });
      queries.push({ label, filter: JSON.stringify(filter), ms, warmMs: performance.now() - again, rows: result.events.length, searchedDownTo: result.searchedDownTo });
    }
    session.close();

    const worstQuery = Math.max(...queries.map((query) => query.ms));
    const met = {
      frames: frames.p95 < TARGET_P95_MS,
      query: worstQuery < TARGET_FIRST_PAGE_MS,
      heap: mb(Math.max(heapStart, heapEnd)) < TARGET_HEAP_MB,
    };
    const yesNo = (ok: boolean): string => (ok ? 'met' : '**MISSED**');
    const storedDuring = storedEnd - storedStart;
    const lines = [
      `Run of ${date} — ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.platform}, Chromium headless (\`--disable-gpu\`).`,
      `Load average at the start: ${load}.`,
      `Store: ${n(ROWS)} seeded Dialpad call events of ${seeded.avgBytes} bytes on average (appended in ${n(Math.round(seeded.appendedMs))} ms, full-text index caught up by ${n(Math.round(seeded.ms))} ms), simulator at ${n(RATE)} events/s on top.`,
      `Whole run so far: ${n(Math.round((performance.now() - runStarted) / 1_000))} s. App ready (live, following the tail) ${n(Math.round(readyMs))} ms after opening the page.`,
      '',
      `| Frames over ${SECONDS} s (rAF deltas) | Value |`,
      '| --- | ---: |',
      `| frames | ${n(frames.count)} |`,
      `| p50 | ${frames.p50.toFixed(1)} ms |`,
      `| p95 | ${frames.p95.toFixed(1)} ms |`,
      `| p99 | ${frames.p99.toFixed(1)} ms |`,
      `| max | ${frames.max.toFixed(1)} ms (ending ${longestEndsAt.toFixed(1)} s into the window) |`,
      `| frames > 50 ms | ${n(frames.over50)} |`,
      '',
      `| First filtered page (${PAGE}) via \`queryEvents\` | Filter | First time | Again | Rows | Searched down to |`,
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...queries.map(
        (query) =>
          `| ${query.label} | \`${query.filter}\` | ${query.ms.toFixed(0)} ms | ${query.warmMs.toFixed(0)} ms | ${query.rows} | ${query.searchedDownTo === undefined ? '—' : `#${n(query.searchedDownTo)}`} |`,
      ),
      '',
      `- Events stored during the frame window: ${n(storedDuring)} (${n(Math.round(storedDuring / SECONDS))}/s); list last seq ${n(shownStart.lastSeq)} → ${n(shownEnd.lastSeq)}, following the tail at the end: ${shownEnd.following}; status bar at the end: "${shownEnd.inView}"${shownEnd.skipped ? `, "${shownEnd.skipped}" (${n(skippedCount(shownEnd.skipped) - skippedCount(shownStart.skipped))} of them during the frame window)` : ''}.`,
      `- Longest stall of the core's event loop (the web server, the store and the simulator share it here) during the frame window: ${n(Math.round(stall.ms))} ms, ending ${stall.endsAt.toFixed(1)} s into the window.`,
      `- Renderer JS heap (CDP \`JSHeapUsedSize\`): ${mb(heapStart)} MB at the start → ${mb(heapEnd)} MB at the end (${mb(heapEndGc)} MB after a forced GC).`,
      `- p95 frame ${frames.p95.toFixed(1)} ms (target < ${TARGET_P95_MS} ms): ${yesNo(met.frames)}.`,
      `- Slowest first filtered page ${worstQuery.toFixed(0)} ms (target < ${TARGET_FIRST_PAGE_MS} ms): ${yesNo(met.query)}.`,
      `- Renderer heap, larger of start/end, ${Math.max(mb(heapStart), mb(heapEnd))} MB (target < ${TARGET_HEAP_MB} MB): ${yesNo(met.heap)}.`,
      ...(pageErrors.length > 0 ? [`- Page errors during the run: ${pageErrors.slice(0, 3).join('; ')}`] : []),
    ];
    const results = lines.join('\n');
    console.log(`\n${results}\n`);

    const doc = join(repoRoot, 'docs/benchmarks.md');
    const current = readFileSync(doc, 'utf8');
    const start = current.indexOf(START);
    const end = current.indexOf(END);
    if (start === -1 || end < start) throw new Error(`${doc} has no ${START} … ${END} section to fill.`);
    writeFileSync(doc, `${current.slice(0, start + START.length)}\n${results}\n${current.slice(end)}`);
    console.log(`Wrote the results into ${doc}`);
    process.exitCode = met.frames && met.query && met.heap ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await core?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
