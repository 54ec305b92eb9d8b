import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLiveAppWithHistory } from './support/live-app-with-history';
import { pageErrors, SCREENSHOT_DIR, seqsOf } from './support/web-app';

const ROOT = join(import.meta.dirname, '../..');
const HISTORY = 1_200;

const { openLive } = useLiveAppWithHistory(HISTORY);

const typesOf = (rows: Locator): Promise<string[]> => rows.evaluateAll((nodes) => nodes.map((node) => node.querySelector('.type')?.textContent ?? ''));

async function liveApp(): Promise<Page> {
  const page = await openLive();
  await expect.poll(() => page.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
  return page;
}

async function setExpression(page: Page, expression: string): Promise<void> {
  const input = page.getByTestId('filter-input');
  await input.fill(expression);
  await input.press('Enter');
}

describe('the filter bar', () => {
  it('narrows live rows and history with an expression', async () => {
    const page = await liveApp();
    const pane = page.getByTestId('stream-pane').first();
    const rows = pane.getByTestId('event-row');
    const list = pane.getByTestId('event-list');

    await setExpression(page, 'state = hangup');
    await expect.poll(async () => new Set(await typesOf(rows)), { timeout: 10_000 }).toEqual(new Set(['call.hangup']));
    // Live: a hangup the demo sends after the filter was set shows up, and nothing else does.
    const newestHistory = Math.max(...(await seqsOf(rows)));
    await expect.poll(async () => Math.max(...(await seqsOf(rows))), { timeout: 45_000 }).toBeGreaterThan(Math.max(newestHistory, HISTORY));
    expect(new Set(await typesOf(rows))).toEqual(new Set(['call.hangup']));

    // History: only the seeded archive matches, page after page as the user scrolls up.
    await setExpression(page, `target.name ~ /historian/i AND duration >= 100000`);
    await expect.poll(async () => Math.max(...(await seqsOf(rows))), { timeout: 10_000 }).toBeLessThanOrEqual(HISTORY);
    expect(Number(await list.getAttribute('data-count'))).toBe(300);
    // Seeded durations are 1000 × index: `>= 100000` starts at index 100, seq 101. Each time the
    // list reaches the top, the next older page (300) loads, until the first match is in view.
    const firstLoaded = async (): Promise<number> => Number(await list.getAttribute('data-first-seq'));
    for (let attempt = 0; attempt < 4 && (await firstLoaded()) !== 101; attempt++) {
      const before = await firstLoaded();
      await pane.locator('.rows').evaluate((node) => node.scrollTo({ top: 0 }));
      await expect.poll(firstLoaded, { timeout: 10_000 }).toBeLessThan(before);
    }
    expect(await firstLoaded()).toBe(101);
    expect(Number(await list.getAttribute('data-count'))).toBe(HISTORY - 100);
    await pane.locator('.rows').evaluate((node) => node.scrollTo({ top: 0 }));
    await expect.poll(() => pane.getByText(/archived call #100$/).count()).toBe(1);

    // A chip narrows by type too: with an expression that matches only live calls, no seeded row comes back.
    await setExpression(page, '@connection != history');
    const connected = page.locator('[data-testid="type-chip"][data-type="call.connected"]');
    await expect.poll(() => connected.count(), { timeout: 30_000 }).toBe(1);
    await connected.click();
    expect(await connected.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => new Set(await typesOf(rows)), { timeout: 10_000 }).toEqual(new Set(['call.connected']));
    expect(Math.min(...(await seqsOf(rows)))).toBeGreaterThan(HISTORY);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('shows a clear error for an invalid expression and keeps the last good filter', async () => {
    const page = await liveApp();
    const rows = page.getByTestId('stream-pane').first().getByTestId('event-row');
    await setExpression(page, 'direction = inbound');
    await expect.poll(() => page.getByTestId('filter-input').getAttribute('aria-invalid')).toBe('false');

    await page.getByTestId('filter-input').fill('direction = inbound AND duration >');
    const error = page.getByTestId('filter-error');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain("Expected a value after '>', found the end at column 35");
    expect(await page.getByTestId('filter-input').getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(500);
    // Still filtered by the last valid expression: every row is an inbound event.
    const summaries = await rows.evaluateAll((nodes) => nodes.map((node) => node.querySelector('.summary')?.textContent ?? ''));
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary).toMatch(/inbound/);

    await page.getByTestId('filter-input').fill('target.name ~ /(a+)+$/');
    await expect.poll(async () => (await error.textContent()) ?? '').toContain('could take very long');

    await page.getByTestId('filter-input').fill('duration > 60000 AND (state = hangup OR @type = call.connected');
    await expect.poll(async () => (await error.textContent()) ?? '').toContain("Expected ')' to close the '('");
    await page.getByRole('button', { name: 'Filter syntax' }).click();
    await expect.poll(() => page.getByTestId('filter-help').isVisible()).toBe(true);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'filters-error-dark.png') });
    await page.getByRole('button', { name: 'Filter syntax' }).click();
    await page.getByTestId('filter-input').fill('');
    await page.getByTestId('filter-input').press('Enter');
    await expect.poll(() => error.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('saves a filter for the profile and brings it back after a reload', async () => {
    const page = await liveApp();
    const rows = page.getByTestId('stream-pane').first().getByTestId('event-row');
    await setExpression(page, 'direction = outbound');
    await page.getByTestId('time-range').selectOption('last-15');
    await page.getByTestId('saved-filters').click();
    await page.getByTestId('saved-filter-name').fill('Outbound, last 15 min');
    await page.getByTestId('save-filter').click();
    await expect.poll(() => page.getByTestId('saved-filter').count()).toBe(1);
    await page.getByTestId('saved-filters').click();

    await page.getByTestId('reset-filter').click();
    expect(await page.getByTestId('filter-input').inputValue()).toBe('');
    await page.reload();
    await expect.poll(() => page.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await page.getByTestId('filter-input').inputValue()).toBe('');

    await page.getByTestId('saved-filters').click();
    const saved = page.getByTestId('saved-filter');
    await expect.poll(() => saved.count(), { timeout: 10_000 }).toBe(1);
    expect(await saved.textContent()).toContain('Outbound, last 15 min');
    await saved.click();
    expect(await page.getByTestId('filter-input').inputValue()).toBe('direction = outbound');
    expect(await page.getByTestId('time-range').inputValue()).toBe('last-15');
    await expect.poll(async () => {
      const summaries = await rows.evaluateAll((nodes) => nodes.map((node) => node.querySelector('.summary')?.textContent ?? ''));
      return summaries.length > 0 && summaries.every((summary) => summary.includes('outbound'));
    }, { timeout: 20_000 }).toBe(true);

    await page.getByTestId('pin-columns').click();
    await page.getByTestId('pin-input').fill('direction');
    await page.getByTestId('pin-input').press('Enter');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForTimeout(1_000);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'filters-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'filters-light.png') });
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    copyFileSync(join(SCREENSHOT_DIR, 'filters-dark.png'), join(ROOT, 'docs/screenshots/filters.png'));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
