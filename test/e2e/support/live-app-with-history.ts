import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { dataDirWithHistory } from './seed-history';
import { launchChromium, openPage, startWebApp, type RunningApp } from './web-app';

/**
 * For a test file: the built app in web mode on a log that already holds `history` seeded call
 * events, one Chromium for the file, everything removed afterwards.
 * openLive() opens a fresh browser context (no layout or saved filters from an earlier test)
 * and waits until the demo connection is live.
 */
export function useLiveAppWithHistory(history: number): { openLive: () => Promise<Page> } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = dataDirWithHistory(history);
    app = await startWebApp({ dataDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    async openLive() {
      if (!app || !browser) throw new Error('the app is not started: call openLive() inside a test');
      const page = await openPage(browser, app.url);
      await expect.poll(() => page.getByTestId('connection-chip').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
      return page;
    },
  };
}
