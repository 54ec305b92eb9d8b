import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageErrors, SCREENSHOT_DIR, startWebApp, type RunningApp } from './support/web-app';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('first start: the demo contact center streams live into the UI', () => {
  it('connects the demo profile, shows live call events, and shows the JSON of a selected one', async () => {
    const page = await openPage(browser, app.url);
    // The token left the address bar for a cookie.
    expect(page.url()).not.toContain('token=');

    await expect.poll(() => page.getByTestId('connection-chip').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');

    const rows = page.getByTestId('event-row');
    const callRows = rows.filter({ hasText: /call\.(ringing|connected|hangup|queued|calling)/ });
    await expect.poll(() => callRows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

    // Live: more events arrive while we watch, with strictly increasing seq.
    const seqs = async (): Promise<number[]> => rows.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
    const before = Math.max(...(await seqs()));
    await expect.poll(async () => Math.max(...(await seqs())), { timeout: 20_000 }).toBeGreaterThan(before);
    const shown = await seqs();
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    const row = callRows.first();
    const type = (await row.locator('.type').textContent())!;
    await row.click();
    const detail = page.getByTestId('event-detail');
    await expect.poll(() => detail.locator('.type').textContent()).toBe(type);
    // The inspector opens on the payload tree; its Text mode and the Raw tab hold the exact JSON.
    await page.getByTestId('payload-mode-text').click();
    const payload = JSON.parse((await page.getByTestId('event-json').textContent())!) as Record<string, unknown>;
    // Dialpad sends ids as numbers or strings; the event keeps the exact digits as a string.
    expect(await detail.getByTestId('event-call-id').textContent()).toBe(String(payload.call_id));
    expect(type).toBe(`call.${String(payload.state)}`);
    await page.getByTestId('tab-raw').click();
    const raw = (await page.getByTestId('event-raw').textContent())!;
    expect(JSON.parse(raw)).toEqual(payload);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'main-window-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'main-window-light.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps history across a restart of the app', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-restart-'));
    try {
      const first = await startWebApp({ dataDir });
      const page = await openPage(browser, first.url);
      await expect.poll(() => page.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
      const seenBefore = await page.getByTestId('event-row').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
      await page.close();
      await first.stop();

      const second = await startWebApp({ dataDir });
      const again = await openPage(browser, second.url);
      await expect.poll(() => again.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
      const seenAfter = await again.getByTestId('event-row').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
      expect(seenAfter).toEqual(expect.arrayContaining(seenBefore.slice(-3)));
      await again.close();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
