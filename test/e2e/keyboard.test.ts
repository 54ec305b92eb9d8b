import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

// Page-side code as text: these tests compile against Node's types, without the DOM's.
const clipboardText = (page: Page): Promise<string> => page.evaluate('navigator.clipboard.readText()');

async function openWithEvents(): Promise<Page> {
  const page = await openPage(browser, app.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect.poll(() => page.getByTestId('event-row').filter({ hasText: 'call.' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return page;
}

async function selectCallEvent(page: Page): Promise<number> {
  // The newest: while the list follows the live tail, older rows scroll out and leave the DOM.
  const row = page.getByTestId('event-row').filter({ hasText: 'call.' }).last();
  const seq = Number(await row.getAttribute('data-seq'));
  // By seq: rows arrive while we click, and `first()` may by then be another event.
  await page.locator(`[data-testid="event-row"][data-seq="${seq}"]`).click();
  await expect.poll(() => page.getByTestId('event-seq').textContent()).toBe(`#${seq}`);
  return seq;
}

describe('keyboard shortcuts handled by the inspector', () => {
  it('? opens the shortcut help; Esc closes the help first, then the inspector', async () => {
    const page = await openWithEvents();
    await selectCallEvent(page);

    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    const text = (await help.textContent())!;
    for (const line of ['Next event', 'Previous event', 'Close the inspector', 'Pause or resume', 'Filter events', "Copy the selected event's JSON"]) {
      expect(text).toContain(line);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shortcut-help-dark.png') });

    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await page.getByTestId('event-seq').count()).toBe(1);

    await page.keyboard.press('Escape');
    await page.getByTestId('inspector-empty').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('j/k and ↓/↑ move the inspector through the list', async () => {
    const page = await openWithEvents();
    await expect.poll(() => page.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(4);
    const seqs = await page.getByTestId('event-row').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
    // Near the newest end, which stays rendered while the list follows the live tail.
    const [older, previous, start] = seqs.slice(-4, -1) as [number, number, number];
    await page.locator(`[data-testid="event-row"][data-seq="${start}"]`).click();
    await expect.poll(() => page.getByTestId('event-seq').textContent()).toBe(`#${start}`);
    const shownSeq = async (): Promise<number> => Number((await page.getByTestId('event-seq').textContent())!.slice(1));

    await page.keyboard.press('k');
    await expect.poll(shownSeq).toBe(previous);
    await page.keyboard.press('ArrowUp');
    await expect.poll(shownSeq).toBe(older);
    await page.keyboard.press('j');
    await expect.poll(shownSeq).toBe(previous);
    await page.keyboard.press('ArrowDown');
    await expect.poll(shownSeq).toBe(start);
    await page.keyboard.press('Escape');
    await page.getByTestId('inspector-empty').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('Ctrl+C copies the selected event as JSON, and leaves a text selection to the browser', async () => {
    const page = await openWithEvents();
    await selectCallEvent(page);
    await page.getByTestId('payload-mode-text').click();
    const shown = JSON.parse((await page.getByTestId('event-json').textContent())!) as unknown;

    await page.keyboard.press('Control+c');
    await expect.poll(async () => JSON.parse(await clipboardText(page)) as unknown).toEqual(shown);
    expect(await page.getByTestId('copy-notice').textContent()).toMatch(/Copied event #\d+ as JSON/);

    // With text selected, Ctrl+C is the browser's ordinary copy of that text (headless Chromium
    // may not carry a native copy out to the clipboard: the point is that the event JSON is not copied).
    await page.evaluate("navigator.clipboard.writeText('untouched')");
    await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('[data-testid="event-seq"]'));
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    })()`);
    await page.keyboard.press('Control+c');
    await page.waitForTimeout(300);
    expect(await clipboardText(page)).toMatch(/^(untouched|#\d+)$/);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('without a selection, Esc and Ctrl+C do nothing and the empty inspector says what to do', async () => {
    const page = await openWithEvents();
    await page.evaluate("navigator.clipboard.writeText('untouched')");
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+c');
    expect(await clipboardText(page)).toBe('untouched');
    expect(await page.getByTestId('inspector-empty').textContent()).toContain('Click an event in the list');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-empty-light.png') });
    await page.close();
  });
});
