import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLiveAppWithHistory } from './support/live-app-with-history';
import { pageErrors, SCREENSHOT_DIR, seqsOf } from './support/web-app';

const ROOT = join(import.meta.dirname, '../..');
const HISTORY = 1_200;

const { openLive } = useLiveAppWithHistory(HISTORY);

const topicsOf = (rows: Locator): Promise<string[]> => rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-topic') ?? ''));

describe('stream views', () => {
  it('shows one stream per topic as tabs, side by side in split panes', async () => {
    const page = await openLive();
    const first = page.getByTestId('stream-pane').first();
    await expect.poll(() => first.getByTestId('stream-tab').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);

    await first.locator('[data-testid="stream-tab"][data-topic="call"]').click();
    await expect.poll(() => first.getAttribute('data-topic')).toBe('call');
    const callRows = first.getByTestId('event-row');
    await expect.poll(() => callRows.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    // The tab switches at once; its history page replaces the rows when the store answers.
    await expect.poll(async () => [...new Set(await topicsOf(callRows))]).toEqual(['call']);

    await page.getByTestId('split-pane').click();
    const second = page.getByTestId('stream-pane').nth(1);
    await second.locator('[data-testid="stream-tab"][data-topic="agent_status"]').click();
    const agentRows = second.getByTestId('event-row');
    await expect.poll(() => agentRows.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    await expect.poll(async () => [...new Set(await topicsOf(agentRows))]).toEqual(['agent_status']);
    // The first pane keeps its own stream.
    expect(new Set(await topicsOf(callRows))).toEqual(new Set(['call']));

    await page.getByTestId('split-pane').click();
    const third = page.getByTestId('stream-pane').nth(2);
    await third.locator('[data-testid="stream-tab"][data-topic="sms"]').click();
    await expect.poll(() => third.getByTestId('event-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('split-pane').isDisabled()).toBe(true);
    // Every tab has its events/s sparkline.
    expect(await first.getByTestId('sparkline').count()).toBe(await first.getByTestId('stream-tab').count());

    // Inspect one call event next to the streams, for the picture.
    await callRows.nth(Math.max(0, (await callRows.count()) - 4)).click();
    await expect.poll(() => page.getByTestId('event-detail').locator('.type').count()).toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.waitForTimeout(1_500);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'streams-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'streams-light.png') });
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    copyFileSync(join(SCREENSHOT_DIR, 'streams-dark.png'), join(ROOT, 'docs/screenshots/streams.png'));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('pause freezes the list while events keep being stored; resume catches up', async () => {
    const page = await openLive();
    const pane = page.getByTestId('stream-pane').first();
    const rows = pane.getByTestId('event-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);

    // Space pauses the active pane (focus on the page, not in a text field).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await expect.poll(() => pane.getAttribute('data-paused')).toBe('true');
    const list = pane.getByTestId('event-list');
    const shown = async (): Promise<string> => `${await list.getAttribute('data-count')}:${await list.getAttribute('data-last-seq')}`;
    const frozen = await shown();
    await expect.poll(async () => Number((await pane.getByTestId('held-count').textContent())!.replace(/\D/g, '')), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await shown()).toBe(frozen);

    await pane.getByTestId('pause-toggle').click();
    await expect.poll(() => pane.getAttribute('data-paused')).toBe('false');
    const lastBefore = Number(frozen.split(':')[1]);
    await expect.poll(async () => Number(await list.getAttribute('data-last-seq')), { timeout: 10_000 }).toBeGreaterThan(lastBefore);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('scrolling up stops the tail and pages into history; jump to live returns', async () => {
    const page = await openLive();
    const pane = page.getByTestId('stream-pane').first();
    const rows = pane.getByTestId('event-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const scroller = pane.locator('.rows');
    const list = pane.getByTestId('event-list');
    const atBottom = (): Promise<boolean> => scroller.evaluate((node) => node.scrollTop + node.clientHeight >= node.scrollHeight - 30);
    // The tail has settled at the newest event before the user scrolls.
    const settled = async (): Promise<string> =>
      `${await list.getAttribute('data-following')} ${await scroller.evaluate((node) => node.scrollHeight - node.scrollTop - node.clientHeight)}`;
    await expect.poll(settled, { timeout: 10_000 }).toMatch(/^true ([0-9]|[12][0-9])$/);
    const firstLoaded = async (): Promise<number> => Number(await list.getAttribute('data-first-seq'));
    const initialFirst = await firstLoaded();

    // The user turns the wheel up to the top: the tail stops, and an older page loads above.
    await scroller.hover();
    for (let step = 0; step < 40 && (await firstLoaded()) >= initialFirst; step++) {
      await page.mouse.wheel(0, -1_500);
      await page.waitForTimeout(50);
    }
    await expect.poll(firstLoaded, { timeout: 15_000 }).toBeLessThan(initialFirst);
    expect(await list.getAttribute('data-following')).toBe('false');
    const afterOnePage = await firstLoaded();
    await scroller.evaluate((node) => node.scrollTo({ top: 0 }));
    await expect.poll(firstLoaded, { timeout: 15_000 }).toBeLessThan(afterOnePage);
    expect(await firstLoaded()).toBeLessThanOrEqual(HISTORY);
    await scroller.evaluate((node) => node.scrollTo({ top: 0 }));
    await expect.poll(() => pane.getByText(/archived call #\d+/).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Away from the live edge, the list stays put and counts what arrives.
    const jump = pane.getByTestId('jump-to-live');
    await expect.poll(() => jump.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await jump.textContent()).toMatch(/\d+ new events? — jump to live/);
    await jump.click();
    await expect.poll(() => jump.isVisible()).toBe(false);
    await expect.poll(atBottom, { timeout: 5_000 }).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('pins a payload field as a column, and clear empties only the view', async () => {
    const page = await openLive();
    const pane = page.getByTestId('stream-pane').first();
    await pane.locator('[data-testid="stream-tab"][data-topic="call"]').click();
    const rows = pane.getByTestId('event-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(3);

    await pane.getByTestId('pin-columns').click();
    await pane.getByTestId('pin-input').fill('state');
    await pane.getByTestId('pin-input').press('Enter');
    await pane.getByTestId('pin-input').fill('target.name');
    await pane.getByTestId('pin-input').press('Enter');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await pane.getByTestId('pinned-header').locator('.pin-name').allTextContents()).toEqual(['state', 'target.name']);

    // Each call row shows its state, which is also the second half of its type.
    const pairs = await rows.evaluateAll((nodes) =>
      nodes.map((node) => [node.querySelector('.type')?.textContent ?? '', node.querySelector('[data-pin="state"]')?.textContent ?? '']),
    );
    expect(pairs.length).toBeGreaterThan(3);
    for (const [type, state] of pairs) expect(type).toBe(`call.${state}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'streams-pinned-dark.png') });

    const stored = Math.max(...(await seqsOf(rows)));
    await pane.getByTestId('clear-view').click();
    await expect.poll(() => rows.count()).toBeLessThanOrEqual(1);
    await expect.poll(async () => Math.min(...(await seqsOf(rows))), { timeout: 20_000 }).toBeGreaterThan(stored);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
