import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src-main/core/secrets/memory-store';
import { startCore, type Core } from '../../src-main/core/service';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { seedHistory } from './support/seed-history';
import { launchChromium, openPage, pageErrors, SCREENSHOT_DIR, seqsOf } from './support/web-app';

/*
 * Settings → event log retention, through the UI only. The core runs in this process, as web mode
 * runs it, on a log seeded with 300 events from three days ago and 200 from the last hour; the demo
 * is not connected, so every figure the UI shows is exact. Restarting the core on the same data
 * folder proves the limits are on disk, not only in memory.
 */

const ROOT = join(import.meta.dirname, '../..');
const DAY = 24 * 3_600_000;

let dataDir: string;
let core: Core | undefined;
let server: WebServer | undefined;
let browser: Browser;
const logLines: string[] = [];

async function startApp(): Promise<string> {
  core = await startCore({
    dataDir,
    mode: 'web',
    version: 'e2e',
    autoConnect: false,
    log: (line) => logLines.push(line),
    secrets: new MemorySecretStore(),
  });
  server = await startWebServer({ host: core, rendererDir: join(ROOT, 'out/renderer') });
  return server.url;
}

async function stopApp(): Promise<void> {
  await server?.close();
  await core?.close();
  server = undefined;
  core = undefined;
}

let url: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-retention-'));
  seedHistory(dataDir, 300, 3 * DAY);
  seedHistory(dataDir, 200, 3_600_000);
  url = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopApp();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('retention-form').waitFor();
}

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const storedEvents = (page: Page): Promise<string> => text(page, 'log-events');

async function expectForm(page: Page, expected: { maxEvents: string | null; maxAge: string | null; unit: string }): Promise<void> {
  expect(await page.getByTestId('limit-events').isChecked()).toBe(expected.maxEvents !== null);
  if (expected.maxEvents !== null) expect(await page.getByTestId('max-events').inputValue()).toBe(expected.maxEvents);
  expect(await page.getByTestId('limit-age').isChecked()).toBe(expected.maxAge !== null);
  if (expected.maxAge !== null) expect(await page.getByTestId('max-age').inputValue()).toBe(expected.maxAge);
  expect(await page.getByTestId('age-unit').inputValue()).toBe(expected.unit);
}

describe('event log retention', () => {
  it('shows the log in human terms and the default limits', async () => {
    const page = await openPage(browser, url);
    await openSettings(page);
    expect(await storedEvents(page)).toBe('500');
    expect(await text(page, 'log-oldest')).toBe('3 d ago');
    expect(await text(page, 'log-newest')).toMatch(/^(59 min \d\d s|1 h 00 min) ago$/);
    expect(await text(page, 'log-size')).toMatch(/^\d+\.\d (KiB|MiB)$/);
    await expectForm(page, { maxEvents: '2,000,000', maxAge: '30', unit: 'days' });
    expect(await page.getByTestId('save-retention').isDisabled()).toBe(true);
    expect(await text(page, 'retention-warning')).toContain('Deleted events are gone for good');
    expect(pageErrors(page)).toEqual([]);
  });

  it('refuses a limit that is not a whole number, next to the field, and keeps everything', async () => {
    const page = await openPage(browser, url);
    await openSettings(page);
    const maxEvents = page.getByTestId('max-events');
    await maxEvents.fill('0');
    await page.getByTestId('save-retention').click();
    expect(await text(page, 'max-events-problem')).toBe('Keep at least 1 event, or switch this limit off.');
    expect(await maxEvents.getAttribute('aria-invalid')).toBe('true');
    expect(await maxEvents.evaluate((input) => input === document.activeElement)).toBe(true);

    // Problems follow the typing once shown; Enter submits like the button.
    await maxEvents.fill('12.5');
    expect(await text(page, 'max-events-problem')).toBe('Use a whole number of events, such as 500,000.');
    await maxEvents.press('Enter');
    await page.getByTestId('max-age').fill('');
    expect(await text(page, 'max-age-problem')).toBe('Enter a number of days, or switch this limit off.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-problems-dark.png') });

    // The keyboard switches a limit off; a switched-off limit is not checked.
    await page.getByTestId('limit-age').focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('max-age').isDisabled()).toBe(true);
    expect(await page.getByTestId('max-age-problem').count()).toBe(0);

    await page.getByTestId('refresh-figures').click();
    expect(await storedEvents(page)).toBe('500');
    expect(() => readFileSync(join(dataDir, 'retention.json'))).toThrow(/ENOENT/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('deletes what new limits exclude as soon as they are saved, and the figures go down', async () => {
    const page = await openPage(browser, url);
    await openSettings(page);

    await page.getByTestId('max-age').fill('2');
    expect(await text(page, 'deletion-preview')).toMatch(/^Saving deletes every event received before .+ now\.$/);
    await page.getByTestId('save-retention').click();
    await expect.poll(() => text(page, 'retention-notice')).toBe('Saved. 300 events were deleted.');
    expect(await storedEvents(page)).toBe('200');
    expect(await text(page, 'log-oldest')).toMatch(/^1 h 0\d min ago$/);

    await page.getByTestId('max-events').fill('50');
    expect(await text(page, 'deletion-preview')).toBe('Saving deletes the oldest 150 events now.');
    await page.getByTestId('max-events').press('Enter');
    await expect.poll(() => text(page, 'retention-notice')).toBe('Saved. 150 events were deleted.');
    expect(await storedEvents(page)).toBe('50');
    expect(await text(page, 'last-cleanup')).toMatch(/: 150 events deleted\.$/);
    expect(await page.getByTestId('save-retention').isDisabled()).toBe(true);
    expect(logLines).toContain('Switchboard: retention deleted 150 events from the log (at most 50 events, at most 2 days old).');

    // The monitor's history agrees: a window opened now finds only the 50 newest events.
    const monitor = await openPage(browser, url);
    await expect.poll(() => text(monitor, 'event-count')).toBe('50 events in view');

    await page.screenshot({ path: join(SCREENSHOT_DIR, 'settings-dark.png') });
    const light = await openPage(browser, url, 'light');
    await openSettings(light);
    await light.screenshot({ path: join(SCREENSHOT_DIR, 'settings-light.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps the limits across a reload and a restart', async () => {
    const page = await openPage(browser, url);
    await openSettings(page);
    await page.reload();
    await openSettings(page);
    await expectForm(page, { maxEvents: '50', maxAge: '2', unit: 'days' });
    expect(await storedEvents(page)).toBe('50');

    await stopApp();
    url = await startApp();
    const restarted = await openPage(browser, url);
    await openSettings(restarted);
    await expectForm(restarted, { maxEvents: '50', maxAge: '2', unit: 'days' });
    expect(await storedEvents(restarted)).toBe('50');
    expect(JSON.parse(readFileSync(join(dataDir, 'retention.json'), 'utf8'))).toEqual({ version: 1, retention: { maxEvents: 50, maxAgeHours: 48 } });
    expect(pageErrors(restarted)).toEqual([]);
  });

  it('says so when the saved limits cannot be read, uses the defaults, and lets the user save over them', async () => {
    await stopApp();
    writeFileSync(join(dataDir, 'retention.json'), '{"retention": {"maxEvents": 50,');
    url = await startApp();
    const page = await openPage(browser, url);
    await openSettings(page);
    expect(await text(page, 'settings-problem')).toMatch(/retention\.json are not valid JSON, so the defaults are in use .* Save to replace them\.$/);
    await expectForm(page, { maxEvents: '2,000,000', maxAge: '30', unit: 'days' });
    expect(await storedEvents(page)).toBe('50');

    await page.getByTestId('max-age').fill('12');
    await page.getByTestId('age-unit').selectOption('hours');
    await page.getByTestId('save-retention').click();
    await expect.poll(() => page.getByTestId('settings-problem').count()).toBe(0);
    expect(await text(page, 'retention-notice')).toBe('Saved. Nothing needed deleting.');
    expect(JSON.parse(readFileSync(join(dataDir, 'retention.json'), 'utf8')).retention).toEqual({ maxEvents: 2_000_000, maxAgeHours: 12 });
    expect(pageErrors(page)).toEqual([]);
  });

  it('takes what retention deleted off every window at once, without a reload', async () => {
    const oldestStored = (): number => core!.store.query({ afterSeq: 0, limit: 1 }).events[0]!.seq;
    const list = (page: Page) => page.getByTestId('event-list');
    const listedSeqs = (page: Page): Promise<number[]> => seqsOf(page.getByTestId('event-row'));

    // A window on the Monitor, reading an event that is about to be deleted.
    const watcher = await openPage(browser, url);
    await expect.poll(() => text(watcher, 'event-count')).toBe('50 events in view');
    const firstSeq = oldestStored();
    expect(await list(watcher).getAttribute('data-first-seq')).toBe(String(firstSeq));
    const doomed = firstSeq + 35;
    await watcher.locator(`[data-testid="event-row"][data-seq="${doomed}"]`).click();
    await watcher.getByTestId('tab-call').click();
    // The related events arrive from the store after the tab opens.
    await expect.poll(() => watcher.getByTestId('same-call-row').count()).toBe(1);
    expect(await watcher.getByTestId('inspector-deleted').count()).toBe(0);

    // Another window keeps only the newest 10.
    const settings = await openPage(browser, url);
    await openSettings(settings);
    await settings.getByTestId('max-events').fill('10');
    await settings.getByTestId('save-retention').click();
    await expect.poll(() => text(settings, 'retention-notice')).toBe('Saved. 40 events were deleted.');
    const keptFrom = oldestStored();
    expect(keptFrom).toBe(firstSeq + 40);

    // The watching window follows by itself: list, count and related events; the event being read stays, marked.
    await expect.poll(() => text(watcher, 'event-count')).toBe('10 events in view');
    expect(await list(watcher).getAttribute('data-count')).toBe('10');
    expect(await list(watcher).getAttribute('data-first-seq')).toBe(String(keptFrom));
    expect(Math.min(...(await listedSeqs(watcher)))).toBe(keptFrom);
    expect(await text(watcher, 'event-seq')).toBe(`#${doomed}`);
    expect(await text(watcher, 'inspector-deleted')).toMatch(/^Retention has deleted this event from the log\./);
    expect(await watcher.getByTestId('same-call-row').count()).toBe(0);
    expect(await watcher.getByTestId('same-call-empty').isVisible()).toBe(true);
    await watcher.screenshot({ path: join(SCREENSHOT_DIR, 'retention-trimmed-monitor-dark.png') });

    // The same window lowers the limit itself, then goes back to the Monitor.
    await openSettings(watcher);
    await watcher.getByTestId('max-events').fill('5');
    await watcher.getByTestId('save-retention').click();
    await expect.poll(() => text(watcher, 'retention-notice')).toBe('Saved. 5 events were deleted.');
    await watcher.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Monitor' }).click();
    await expect.poll(() => text(watcher, 'event-count')).toBe('5 events in view');
    await expect.poll(() => list(watcher).getAttribute('data-first-seq')).toBe(String(oldestStored()));
    expect(Math.min(...(await listedSeqs(watcher)))).toBe(firstSeq + 45);
    expect(pageErrors(watcher)).toEqual([]);
    expect(pageErrors(settings)).toEqual([]);
  });
});
