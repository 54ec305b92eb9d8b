import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../src-main/core/api';
import { launchChromium, openPage, pageErrors, SCREENSHOT_DIR, startWebApp, type RunningApp } from './support/web-app';

const DOCS_SCREENSHOT = join(import.meta.dirname, '../../docs/screenshots/inspector.png');

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openLivePage(colorScheme: 'light' | 'dark' = 'dark'): Promise<Page> {
  const page = await openPage(browser, app.url, colorScheme);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect.poll(() => page.getByTestId('connection-chip').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
  return page;
}

/** Opens a crafted event from the list; it is the newest, so the list is scrolled to its end first. */
async function selectRow(page: Page, seq: number): Promise<void> {
  const row = page.locator(`[data-testid="event-row"][data-seq="${seq}"]`);
  await expect
    .poll(async () => {
      await page.getByTestId('event-list').evaluate((list) => {
        for (const node of list.querySelectorAll('*')) if (node.scrollHeight > node.clientHeight + 1) node.scrollTop = node.scrollHeight;
      });
      return row.count();
    })
    .toBe(1);
  await row.click();
}

// Page-side code as text: these tests compile against Node's types, without the DOM's.
const clipboardText = (page: Page): Promise<string> => page.evaluate('navigator.clipboard.readText()');
const treeNode = (page: Page, path: string) => page.locator(`[data-testid="payload-tree"] li[data-path="${path}"]`);
const ownButton = (page: Page, path: string, testId: string) => treeNode(page, path).locator(`> .row [data-testid="${testId}"]`);

describe('inspector on live demo traffic', () => {
  it('shows the JSON tree, copies a path, the raw frame, the same call and the diff against the previous event', async () => {
    const page = await openLivePage();
    const detail = page.getByTestId('event-detail');
    await expect.poll(() => page.getByTestId('inspector-empty').isVisible()).toBe(true);

    // A connected call has at least its ringing (or queued) event before it.
    // The newest: while the list follows the live tail, older rows scroll out and leave the DOM.
    const connectedRow = page.getByTestId('event-row').filter({ hasText: 'call.connected' }).last();
    await connectedRow.waitFor({ timeout: 45_000 });
    const connectedSeq = Number(await connectedRow.getAttribute('data-seq'));
    // By seq: rows arrive while we click, and `first()` may by then be another event.
    await page.locator(`[data-testid="event-row"][data-seq="${connectedSeq}"]`).click();
    await expect.poll(() => detail.locator('.type').first().textContent()).toBe('call.connected');
    expect(await page.getByTestId('event-seq').textContent()).toBe(`#${connectedSeq}`);

    // The tree: small payloads open two levels; a container collapses and expands.
    await page.getByTestId('payload-tree').waitFor();
    await treeNode(page, 'target.name').waitFor();
    await ownButton(page, 'target', 'tree-toggle').click();
    await expect.poll(() => treeNode(page, 'target.name').count()).toBe(0);
    expect(await treeNode(page, 'target').getAttribute('aria-expanded')).toBe('false');
    await ownButton(page, 'target', 'tree-toggle').click();
    await treeNode(page, 'target.name').waitFor();

    await treeNode(page, 'target.name').locator('> .row').hover();
    await ownButton(page, 'target.name', 'copy-path').click();
    await expect.poll(() => clipboardText(page)).toBe('target.name');
    await expect.poll(() => page.getByTestId('copy-notice').textContent()).toContain('Copied path target.name');
    await ownButton(page, 'state', 'copy-value').click();
    await expect.poll(() => clipboardText(page)).toBe('connected');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-payload-dark.png') });

    await page.getByTestId('payload-mode-text').click();
    const payload = JSON.parse((await page.getByTestId('event-json').textContent())!) as Record<string, unknown>;
    expect(payload.state).toBe('connected');
    expect(await page.getByTestId('event-call-id').textContent()).toBe(String(payload.call_id));
    await page.getByTestId('payload-mode-tree').click();

    await page.getByTestId('tab-raw').click();
    expect(JSON.parse((await page.getByTestId('event-raw').textContent())!)).toEqual(payload);
    expect(await page.getByTestId('raw-size').textContent()).toMatch(/^Text frame · [\d.]+ (B|KiB) \(UTF-8\)$/);

    await page.getByTestId('tab-diff').click();
    const stateChange = page.locator('[data-testid="diff-change"][data-path="state"]');
    await stateChange.waitFor();
    expect(await stateChange.getAttribute('data-kind')).toBe('changed');
    expect(await stateChange.textContent()).toMatch(/"(ringing|queued|calling)"\s*→\s*"connected"/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-diff-dark.png') });

    await page.getByTestId('tab-call').click();
    const sameCall = page.getByTestId('same-call-row');
    await expect.poll(() => sameCall.count()).toBeGreaterThanOrEqual(2);
    const seqs = await sameCall.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(await page.locator(`[data-testid="same-call-row"][data-seq="${connectedSeq}"]`).getAttribute('aria-current')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-same-call-dark.png') });

    // The oldest event of the call opens in the inspector, and it has nothing before it.
    const first = sameCall.last();
    const firstSeq = Number(await first.getAttribute('data-seq'));
    const firstType = (await first.locator('.type').textContent())!;
    await first.click();
    await expect.poll(() => page.getByTestId('event-seq').textContent()).toBe(`#${firstSeq}`);
    expect(await detail.locator('.type').first().textContent()).toBe(firstType);
    await page.getByTestId('tab-diff').click();
    await page.getByTestId('diff-first').waitFor();

    // Back to the connected event for the documentation screenshot, in both themes.
    await page.getByTestId('tab-call').click();
    await page.locator(`[data-testid="same-call-row"][data-seq="${connectedSeq}"]`).click();
    await page.getByTestId('tab-payload').click();
    await treeNode(page, 'target.name').locator('> .row').hover();
    await ownButton(page, 'target.name', 'copy-path').click();
    await page.getByTestId('copy-notice').filter({ hasText: 'target.name' }).waitFor();
    // A row well above the notice, to show the copy buttons a hovered line gets.
    await treeNode(page, 'state').locator('> .row').hover();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-dark.png') });
    copyFileSync(join(SCREENSHOT_DIR, 'inspector-dark.png'), mkdirFor(DOCS_SCREENSHOT));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-light.png') });
    await page.getByTestId('tab-diff').click();
    await stateChange.waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-diff-light.png') });

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('inspector on crafted events (signed frames, failures, a 1 MB payload)', () => {
  const SECRET = new TextEncoder().encode('inspector-e2e-secret');
  const MOCK_CALL = 'mock-call-1';
  const BASE_SEQ = 900_000_000;

  function craftedEvent(seq: number, fields: Partial<MonitorEvent>): MonitorEvent {
    return {
      seq,
      connectionId: 'crafted',
      provider: 'dialpad',
      receivedAt: Date.now(),
      occurredAt: null,
      topic: 'call',
      type: 'call.ringing',
      callId: null,
      summary: 'crafted event',
      raw: '{}',
      rawEncoding: 'text',
      payload: {},
      verified: null,
      ...fields,
    };
  }

  /**
   * Fails the first same-call query of MOCK_CALL, and can push events. The page's RPC socket runs in
   * a worker (src-renderer/src/lib/rpc-socket.worker.ts) that exchanges decoded messages with the
   * page: both directions are hooked there, in the worker's scope.
   */
  async function interceptRpc(page: Page): Promise<{ push: (events: MonitorEvent[]) => Promise<void> }> {
    const worker = page.workers().find((candidate) => candidate.url().includes('rpc-socket'));
    if (!worker) throw new Error('The page has no RPC socket worker.');
    await worker.evaluate((callId) => {
      interface Request {
        id: number;
        method: string;
        params: [{ filter?: { callId?: string } }];
      }
      const scope = self as unknown as {
        onmessage: (event: MessageEvent<{ kind: string; request?: Request }>) => void;
        postMessage(message: unknown): void;
      };
      const forward = scope.onmessage;
      let failedOnce = false;
      scope.onmessage = (event) => {
        const request = event.data.request;
        if (request?.method === 'queryEvents' && request.params[0]?.filter?.callId === callId && !failedOnce) {
          failedOnce = true;
          scope.postMessage({ kind: 'message', message: { id: request.id, error: { code: 'failed', message: 'The event store is busy.' } } });
          return;
        }
        forward(event);
      };
    }, MOCK_CALL);
    return {
      push: (events) =>
        worker.evaluate(
          (message) => (self as unknown as { postMessage(message: unknown): void }).postMessage({ kind: 'message', message }),
          { event: 'liveBatch', payload: { batchId: 1e9 + events[0]!.seq, events, skipped: 0 } },
        ),
    };
  }

  it('shows JWT header, claims, dates and the NOT verified badge; retries a failed same-call query; stays fast on 1 MB', async () => {
    const page = await openPage(browser, app.url, 'dark');
    await expect.poll(() => page.getByTestId('connection-chip').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(() => page.getByTestId('event-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const rpc = await interceptRpc(page);

    const claims = { call_id: MOCK_CALL, state: 'ringing', target: { name: 'Alice Moreno' } };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(1_712_345_678)
      .setExpirationTime(1_712_349_278)
      .sign(SECRET);
    const bigPayload = { items: Array.from({ length: 12_000 }, (_, index) => ({ index, id: `item-${index}`, note: 'x'.repeat(60) })) };
    const bigRaw = JSON.stringify(bigPayload);
    expect(bigRaw.length).toBeGreaterThan(1_000_000);
    await rpc.push([
      craftedEvent(BASE_SEQ + 1, {
        raw: token,
        payload: claims,
        callId: MOCK_CALL,
        verified: false,
        summary: 'BAD SIGNATURE · call ringing · Alice Moreno',
      }),
      craftedEvent(BASE_SEQ + 2, { raw: token, payload: claims, verified: true, summary: 'call ringing · Alice Moreno' }),
      craftedEvent(BASE_SEQ + 3, { type: 'changelog.bulk', raw: bigRaw, payload: bigPayload, summary: '1 MB changelog' }),
    ]);

    const detail = page.getByTestId('event-detail');
    await selectRow(page, BASE_SEQ + 1);
    const badge = detail.getByTestId('jwt-badge').first();
    await expect.poll(() => badge.getAttribute('data-kind')).toBe('not-verified');
    expect((await badge.textContent())!.trim()).toBe('✗ NOT verified');
    await page.getByTestId('tab-jwt').click();
    expect(await page.getByTestId('jwt-reason').textContent()).toBe('BAD SIGNATURE');
    expect(JSON.parse((await page.getByTestId('jwt-header').textContent())!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse((await page.getByTestId('jwt-claims').textContent())!)).toMatchObject(claims);
    const expText = (await page.getByTestId('jwt-exp').textContent())!;
    expect(expText).toContain(await page.evaluate(() => new Date(1_712_349_278_000).toLocaleDateString()));
    expect(expText).toContain('already expired when received');
    await page.getByTestId('jwt-iat').waitFor();
    const badgeColor = await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="event-detail"] [data-testid="jwt-badge"]')).color`);
    const bad = await page.evaluate(`(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--bad)';
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    })()`);
    expect(badgeColor).toBe(bad);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-jwt-dark.png') });

    // The first same-call query fails: the error says so and Retry asks again.
    await page.getByTestId('tab-call').click();
    await page.getByTestId('load-error').waitFor();
    expect(await page.getByTestId('load-error').textContent()).toContain('The event store is busy.');
    await page.getByTestId('retry').click();
    await page.getByTestId('same-call-empty').waitFor();

    await selectRow(page, BASE_SEQ + 2);
    await expect.poll(() => detail.getByTestId('jwt-badge').first().getAttribute('data-kind')).toBe('verified');
    await page.getByTestId('tab-jwt').click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'inspector-jwt-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });

    // 1 MB: the tree opens one level and pages the 12 000 items; the raw text is cut to a preview.
    await page.getByTestId('tab-payload').click();
    const started = Date.now();
    await selectRow(page, BASE_SEQ + 3);
    await treeNode(page, 'items').waitFor();
    expect(await treeNode(page, 'items').getAttribute('aria-expanded')).toBe('false');
    await ownButton(page, 'items', 'tree-toggle').click();
    await treeNode(page, 'items[99]').waitFor();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await treeNode(page, 'items[100]').count()).toBe(0);
    expect(await page.locator('[data-testid="payload-tree"] li').count()).toBeLessThan(150);
    await page.getByTestId('tab-raw').click();
    expect((await page.getByTestId('event-raw').textContent())!.length).toBe(64 * 1024);

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

function mkdirFor(file: string): string {
  mkdirSync(join(file, '..'), { recursive: true });
  return file;
}
