import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore, type NewEvent } from '../../src-main/core/store/event-store';
import { launchChromium, openPage, pageErrors, startWebApp, type RunningApp } from './support/web-app';

const ROOT = join(import.meta.dirname, '../..');
const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots');
/** Enough events that an export is still running when Cancel is clicked. */
const SEEDED_EVENTS = 300_000;

let browser: Browser;
let workDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'switchboard-export-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

function seedStore(dataDir: string, count: number): void {
  const store = EventStore.open({ file: join(dataDir, 'events.sqlite') });
  try {
    for (let start = 0; start < count; start += 5000) {
      const batch = Array.from({ length: Math.min(5000, count - start) }, (_, index): NewEvent => {
        const payload = { n: start + index, state: 'ringing' };
        return {
          connectionId: 'seed',
          provider: 'websocket',
          receivedAt: 1_700_000_000_000 + start + index,
          occurredAt: null,
          topic: 'messages',
          type: 'message.json',
          callId: null,
          summary: `seeded ${start + index}`,
          raw: JSON.stringify(payload),
          rawEncoding: 'text',
          payload,
          verified: null,
        };
      });
      store.append(batch);
    }
  } finally {
    store.close();
  }
}

const rowSeqs = (page: Page): Promise<number[]> =>
  page.getByTestId('event-list').first().getByTestId('event-row').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));

describe('export and import in web mode', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('exports everything as NDJSON with progress to done, and the download holds the events', async () => {
    const page = await openPage(browser, app.url);
    await expect.poll(async () => (await rowSeqs(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    const shown = await rowSeqs(page);

    await page.getByTestId('open-export-dialog').click();
    await page.getByTestId('export-format-ndjson').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-start').click();
    await expect.poll(() => page.getByTestId('export-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    const file = join(workDir, 'export.ndjson');
    await (await download).saveAs(file);

    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const exported = lines.map((line) => JSON.parse(line) as { seq: number; type: string; raw: string });
    expect(exported.length).toBeGreaterThanOrEqual(shown.length);
    expect(exported.map((event) => event.seq)).toEqual(expect.arrayContaining(shown));
    expect(await page.getByTestId('export-progress-text').textContent()).toContain(`Done: ${exported.length.toLocaleString('en-US')} events`);
    // The server hands each export out once.
    const again = await page.evaluate(async (id) => (await fetch(`/exports/${id}`)).status, (await download).url().split('/').pop()!);
    expect(again).toBe(404);

    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.getByTestId('export-dialog').screenshot({ path: join(DOCS_SCREENSHOTS, 'export.png') });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('exports the current filter and the selection, as the monitor shows them', async () => {
    const page = await openPage(browser, app.url);
    await expect.poll(async () => (await rowSeqs(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    const input = page.getByTestId('filter-input');
    await input.fill('@topic = call');
    await input.press('Enter');

    const exportScope = async (scope: 'filter' | 'selection', name: string): Promise<{ seq: number; topic: string }[]> => {
      await page.getByTestId('open-export-dialog').click();
      await page.getByTestId('export-dialog').locator(`input[value="${scope}"]`).check();
      await page.getByTestId('export-format-ndjson').check();
      const download = page.waitForEvent('download');
      await page.getByTestId('export-start').click();
      await expect.poll(() => page.getByTestId('export-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
      const file = join(workDir, name);
      await (await download).saveAs(file);
      await page.keyboard.press('Escape');
      return readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { seq: number; topic: string });
    };

    const filtered = await exportScope('filter', 'filtered.ndjson');
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered.map((event) => event.topic))).toEqual(new Set(['call']));

    const list = page.getByTestId('event-list').first();
    const seq = Number(await list.getByTestId('event-row').last().getAttribute('data-seq'));
    // By seq, not by position: rows are reused by position and a live event can shift them before the click.
    await list.locator(`[data-testid="event-row"][data-seq="${seq}"]`).click();
    const selected = await exportScope('selection', 'selected.ndjson');
    expect(selected.map((event) => event.seq)).toEqual([seq]);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('opens an NDJSON file read-only, browses its events, and shows a malformed line with its number', async () => {
    const exported = readFileSync(join(workDir, 'export.ndjson'), 'utf8').trimEnd().split('\n');
    const good = exported.slice(0, 3);
    const file = join(workDir, 'with-error.ndjson');
    writeFileSync(file, [good[0], '{"seq": 1, not json', good[1], good[2], ''].join('\n'));

    const page = await openPage(browser, app.url);
    await page.getByTestId('ndjson-file-input').setInputFiles(file);
    const view = page.getByTestId('file-view');
    await expect.poll(() => view.getByTestId('file-name').textContent(), { timeout: 10_000 }).toBe('with-error.ndjson');
    expect(await view.getByTestId('file-event-count').textContent()).toContain('3 events');
    const error = view.getByTestId('file-error');
    expect(await error.count()).toBe(1);
    expect(await error.getAttribute('data-line')).toBe('2');
    expect(await error.textContent()).toMatch(/^line 2: not valid JSON/);

    const rows = view.getByTestId('event-row');
    await expect.poll(() => rows.count()).toBe(3);
    const first = JSON.parse(good[0]!) as { type: string; payload: unknown };
    await rows.first().click();
    expect(await rows.first().locator('.type').textContent()).toBe(first.type);
    expect(JSON.parse((await view.getByTestId('file-event-json').textContent())!)).toEqual(first.payload);

    await page.screenshot({ path: join(DOCS_SCREENSHOTS, 'open-ndjson.png') });
    await view.getByTestId('file-close').click();
    await expect.poll(() => page.getByTestId('file-view').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('canceling an export', () => {
  let app: RunningApp;

  beforeAll(async () => {
    const dataDir = join(workDir, 'seeded');
    seedStore(dataDir, SEEDED_EVENTS);
    app = await startWebApp({ dataDir });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('stops a running export, reports it canceled, and offers no file', async () => {
    const page = await openPage(browser, app.url);
    await page.getByTestId('open-export-dialog').click();
    await page.getByTestId('export-format-json').check();
    await page.getByTestId('export-start').click();
    await expect.poll(() => page.getByTestId('export-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('running');
    await page.getByTestId('export-cancel').click();
    await expect.poll(() => page.getByTestId('export-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('canceled');
    expect(await page.getByTestId('export-progress-text').textContent()).toContain('Canceled');
    expect(await page.getByTestId('export-error').count()).toBe(0);
    // Export again: the dialog is usable after a cancel.
    expect(await page.getByTestId('export-start').isEnabled()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
