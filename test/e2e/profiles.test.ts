import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src-main/core/secrets/memory-store';
import { startCore, type Core } from '../../src-main/core/service';
import type { Simulator } from '../../src-main/core/simulator';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { launchChromium, openPage, pageErrors } from './support/web-app';

/*
 * Profiles and provider setup, through the UI only. The core runs in this process (as web mode
 * runs it) so the test can learn the demo simulator's address: a Dialpad profile pointed at it
 * is set up from the app (API key, websocket, call subscription) and connected.
 */

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOT = join(ROOT, 'docs/screenshots/profiles.png');

let dataDir: string;
let core: Core;
let server: WebServer;
let browser: Browser;
let simulator: Simulator | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-profiles-'));
  core = await startCore({
    dataDir,
    mode: 'web',
    version: 'e2e',
    log: () => undefined,
    // No keychain in a test run: the memory store is what a headless Linux falls back to.
    secrets: new MemorySecretStore(),
    demo: { seed: 99, rate: 20, onSimulatorStarted: (started) => (simulator = started) },
  });
  server = await startWebServer({ host: core, rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rows = (page: Page): Locator => page.getByTestId('profile-row');
const rowNamed = (page: Page, name: string): Locator => rows(page).filter({ has: page.getByTestId('profile-name-link').getByText(name, { exact: true }) });

async function openProfiles(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Profiles' }).click();
  await page.getByTestId('profiles-view').waitFor();
}

async function addProfile(page: Page, provider: string): Promise<Locator> {
  await page.getByTestId('add-profile').click();
  await page.getByTestId(`pick-${provider}`).click();
  const editor = page.getByTestId('profile-editor');
  await editor.waitFor();
  return editor;
}

describe('profiles view', () => {
  it('lists the demo first, built in and not deletable', async () => {
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(1);
    const demo = rows(page).first();
    expect(await demo.getAttribute('data-profile-id')).toBe('demo');
    expect(await demo.getByTestId('ask-delete').count()).toBe(0);
    expect(await demo.getByTestId('edit').count()).toBe(0);
    await expect.poll(() => demo.getByTestId('connection-chip').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => Number.parseFloat((await demo.getByTestId('connection-rate').textContent()) ?? '0'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('creates a raw WebSocket profile after showing what is wrong with a bad URL', async () => {
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    const editor = await addProfile(page, 'websocket');
    await editor.getByTestId('profile-name').fill('Raw feed');
    await editor.getByTestId('ws-url').fill('http://feed.example.com/events');
    await editor.getByTestId('profile-save').click();

    const urlField = editor.locator('[data-testid="profile-field"][data-field-label="Socket URL"]');
    await expect.poll(() => urlField.getByTestId('field-problem').textContent()).toContain('ws://');
    expect(await editor.getByTestId('form-problems').textContent()).toContain('nothing was saved');
    expect(await rowNamed(page, 'Raw feed').count()).toBe(0);

    await editor.getByTestId('ws-url').fill('ws://127.0.0.1:9/events');
    await editor.getByTestId('profile-save').click();
    await editor.getByTestId('profile-saved').waitFor();
    expect(await urlField.getByTestId('field-problem').count()).toBe(0);
    await expect.poll(() => rowNamed(page, 'Raw feed').count()).toBe(1);
    expect(await rowNamed(page, 'Raw feed').getByTestId('profile-target').textContent()).toBe('ws://127.0.0.1:9');
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers the fix for a VoIPBin wildcard topic in one click', async () => {
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    const editor = await addProfile(page, 'voipbin');
    await editor.getByTestId('add-topic').click();
    const topic = editor.getByLabel('Topic 1');
    await topic.fill('customer_id:5e4a0680-804e-11ec-8477-2fea5669e2a2:call:*');
    await editor.getByTestId('topic-warning').waitFor();
    expect(await editor.getByTestId('topic-warning').textContent()).toMatch(/wildcard|\*/);
    await editor.getByTestId('topic-fix').click();
    expect(await topic.inputValue()).toBe('customer_id:5e4a0680-804e-11ec-8477-2fea5669e2a2:call');
    await expect.poll(() => editor.getByTestId('topic-warning').count()).toBe(0);
  });

  it('signs a Dialpad OAuth profile in through the browser (PKCE, loopback redirect in web mode)', async () => {
    expect(simulator).toBeDefined();
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    const editor = await addProfile(page, 'dialpad');
    await editor.getByTestId('profile-name').fill('Dialpad OAuth');
    await editor.getByTestId('dp-environment').selectOption('custom');
    await editor.getByTestId('dp-custom-host').fill(simulator!.baseUrl);
    await editor.getByLabel('OAuth app').check();
    await editor.locator('#dp-client-id').fill('switchboard-e2e');
    await editor.getByTestId('profile-save').click();
    await editor.getByTestId('profile-saved').waitFor();

    const signIn = editor.getByTestId('dialpad-sign-in');
    const consent = page.context().waitForEvent('page');
    await signIn.getByTestId('dialpad-sign-in-start').click();
    // The consent page opens in a new tab, redirects to the loopback receiver, which says "close this tab".
    const tab = await consent;
    await expect.poll(() => tab.url(), { timeout: 10_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/);
    await expect.poll(() => signIn.getByTestId('dialpad-sign-in-result').textContent(), { timeout: 10_000 }).toContain('Signed in to Dialpad');
    await tab.close();

    // The tokens are stored (shown only as "Stored") and the provider now answers setup calls.
    const secrets = editor.getByTestId('secrets-panel');
    const tokenRow = secrets.locator('[data-testid="secret-row"][data-kind="accessToken"]');
    await expect.poll(() => tokenRow.getByTestId('secret-state').textContent()).toContain('Stored');
    await editor.getByTestId('dialpad-websockets').getByRole('button', { name: /create/i }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('sets up a Dialpad profile against the simulator from the app and shows its events', async () => {
    expect(simulator).toBeDefined();
    const apiKey = simulator!.demo.dialpadApiKey;
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    const editor = await addProfile(page, 'dialpad');
    await editor.getByTestId('profile-name').fill('Simulated Dialpad');
    await editor.getByTestId('dp-environment').selectOption('custom');
    await editor.getByTestId('dp-custom-host').fill(simulator!.baseUrl);
    await editor.getByTestId('profile-save').click();
    await editor.getByTestId('profile-saved').waitFor();

    // Before the key is stored, the provider's refusal shows in the form, not as an exception.
    const websockets = editor.getByTestId('dialpad-websockets');
    await websockets.getByTestId('setup-error').waitFor();

    const secrets = editor.getByTestId('secrets-panel');
    expect(await secrets.getByTestId('secrets-warning').textContent()).toBeTruthy();
    const keyRow = secrets.locator('[data-testid="secret-row"][data-kind="apiKey"]');
    expect(await keyRow.getByTestId('secret-state').textContent()).toContain('required');
    await keyRow.getByTestId('secret-set').click();
    await keyRow.getByTestId('secret-input').fill(apiKey);
    await keyRow.getByTestId('secret-save').click();
    await expect.poll(() => keyRow.getAttribute('data-stored')).toBe('true');
    expect(await keyRow.getByTestId('secret-set').textContent()).toBe('Replace');
    await assertSecretNotInPage(page, apiKey);

    await websockets.getByTestId('create-websocket').click();
    const inUse = websockets.locator('[data-testid="dialpad-websocket"].in-use');
    await inUse.waitFor();
    expect(await websockets.getByTestId('setup-error').count()).toBe(0);
    const websocketId = await inUse.getAttribute('data-id');
    expect(websocketId).toMatch(/^\d+$/);

    const subscriptions = editor.getByTestId('dialpad-subscriptions');
    await subscriptions.getByTestId('call-state-all').uncheck();
    for (const state of ['ringing', 'connected', 'hangup']) await subscriptions.getByTestId(`call-state-${state}`).check();
    await subscriptions.getByTestId('create-subscription').click();
    const subscription = subscriptions.locator(`[data-testid="dialpad-subscription"][data-websocket-id="${websocketId}"]`);
    await subscription.waitFor();
    expect(await subscription.textContent()).toContain('states: ringing, connected, hangup');
    await subscription.getByTestId('toggle-subscription').click();
    await expect.poll(() => subscription.getAttribute('data-enabled')).toBe('false');
    await subscription.getByTestId('toggle-subscription').click();
    await expect.poll(() => subscription.getAttribute('data-enabled')).toBe('true');

    const row = rowNamed(page, 'Simulated Dialpad');
    await expect.poll(() => row.getByTestId('profile-target').textContent()).toContain(`websocket ${websocketId}`);
    await row.getByTestId('connect').click();
    const chip = row.getByTestId('connection-chip');
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => Number.parseFloat((await row.getByTestId('connection-rate').textContent()) ?? '0'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await chip.getByTestId('connection-token').textContent()).toMatch(/token expires in (1 h 00 min|\d+ min)/);
    await assertSecretNotInPage(page, apiKey);

    await editor.evaluate((element) => element.parentElement?.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });
    await row.getByTestId('disconnect').click();
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 10_000 }).toBe('closed');
    expect(pageErrors(page)).toEqual([]);
  });

  it('duplicates a profile and deletes the copy after asking', async () => {
    const page = await openPage(browser, server.url);
    await openProfiles(page);
    const original = rowNamed(page, 'Raw feed');
    await original.waitFor();
    const before = await rows(page).count();
    await original.getByTestId('duplicate').click();
    await expect.poll(() => rows(page).count()).toBe(before + 1);
    const copy = rows(page).last();
    const copyName = await copy.getByTestId('profile-name-link').textContent();
    expect(copyName).not.toBe('Raw feed');

    await copy.getByTestId('ask-delete').click();
    expect(await copy.getByTestId('confirm').textContent()).toContain(copyName!);
    await copy.getByTestId('confirm-yes').click();
    await expect.poll(() => rows(page).count()).toBe(before);
    expect(await rowNamed(page, 'Raw feed').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });
});

/** The renderer never holds a secret: not in the markup, not in any input's current value. */
async function assertSecretNotInPage(page: Page, secret: string): Promise<void> {
  expect(await page.content()).not.toContain(secret);
  const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((element) => (element as HTMLInputElement).value));
  expect(values).not.toContain(secret);
}
