import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../src-main/core/service';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { connectFeedProfile, startBoardFeed, type BoardFeed } from '../bench/board-feed';
import { launchChromium, openPage, pageErrors } from './support/web-app';

/*
 * A busy contact center: hundreds of concurrent calls from the board benchmark's stand-in Dialpad.
 * The lists keep only the rows in view in the DOM, and every call is still reachable by scrolling.
 */

const ROOT = join(import.meta.dirname, '../..');
const CALLS = 300;

let dataDir: string;
let feed: BoardFeed;
let core: Core;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-board-many-'));
  feed = await startBoardFeed(CALLS);
  core = await startCore({ dataDir, mode: 'web', version: 'e2e', log: () => undefined, autoConnect: false });
  server = await startWebServer({ host: core, rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
  const api = core.openSession(() => undefined);
  await connectFeedProfile(api, feed, 'Busy Dialpad');
  api.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  await feed?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Scrolls the box that holds the panel's rows to its end. */
async function scrollToEnd(panel: Locator): Promise<void> {
  await panel.getByTestId('board-call-row').first().evaluate((row) => {
    let scroller = row.parentElement;
    while (scroller !== null && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (scroller === null) throw new Error('the rows are not in a scrolling box');
    scroller.scrollTop = scroller.scrollHeight;
  });
}

async function durationsByKey(page: Page): Promise<Map<string, string>> {
  const rows = await page
    .getByTestId('board-call-row')
    .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-key') ?? '', node.lastElementChild?.textContent ?? ''] as const));
  return new Map(rows);
}

describe('supervisor board with hundreds of live calls', () => {
  it('keeps a screenful of rows in the DOM, scrolls to every call, ticks and opens them', async () => {
    const page = await openPage(browser, server.url);
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await expect.poll(() => page.getByTestId('board-count-live').textContent(), { timeout: 45_000 }).toBe(String(CALLS));

    const panel = page.getByTestId('board-active-calls');
    await expect.poll(() => panel.locator('header').textContent()).toContain(String(CALLS));
    const rowsInDom = await page.getByTestId('board-call-row').count();
    // A 900 px window shows about 18 rows of 34 px; the list renders those and a few around them.
    expect(rowsInDom).toBeGreaterThan(10);
    expect(rowsInDom).toBeLessThan(50);
    expect(await page.getByTestId('board-agent-row').count()).toBeLessThan(50);

    // Durations tick on the rows in view.
    const before = await durationsByKey(page);
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const after = await durationsByKey(page);
    const ticked = [...after].filter(([key, text]) => before.has(key) && before.get(key) !== text);
    expect(ticked.length).toBeGreaterThan(0);

    // The end of the list: other calls than at the top, each one opens its timeline.
    const topKeys = new Set(before.keys());
    await scrollToEnd(panel);
    await expect.poll(async () => [...(await durationsByKey(page)).keys()].filter((key) => !topKeys.has(key)).length).toBeGreaterThan(10);
    // The newest call: it has just started, so it stays on the board while the test clicks it.
    const key = (await page.getByTestId('board-call-row').last().getAttribute('data-key')) ?? '';
    const row = panel.locator(`[data-key="${key}"]`);
    const caller = (await row.locator('.name').textContent()) ?? '';
    await row.click();
    const timeline = page.getByTestId('call-timeline');
    await expect.poll(() => timeline.locator('h2').textContent()).toBe(caller);
    await expect.poll(() => page.getByTestId('timeline-event').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(pageErrors(page)).toEqual([]);
  });
});
