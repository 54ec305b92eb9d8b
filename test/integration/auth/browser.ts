import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; quiet flags so it only talks to 127.0.0.1. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 20_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export type Decision = 'approve' | 'cancel';

/**
 * Plays the user on oidc-provider's development interactions: sign in as `login` if asked,
 * then approve (or cancel) consent, until the browser lands on `redirectPrefix`.
 */
export async function authorizeInBrowser(page: Page, authorizationUrl: string, redirectPrefix: string, login: string, decision: Decision = 'approve'): Promise<string> {
  await page.goto(authorizationUrl);
  for (let step = 0; step < 4 && !page.url().startsWith(redirectPrefix); step++) {
    if (decision === 'cancel') {
      await Promise.all([page.waitForURL((url) => url.href.startsWith(redirectPrefix)), page.click('text=[ Cancel ]')]);
      break;
    }
    const loginField = page.locator('input[name="login"]');
    if ((await loginField.count()) > 0) {
      await loginField.fill(login);
      await page.fill('input[name="password"]', 'any password');
    }
    const before = page.url();
    await Promise.all([page.waitForURL((url) => url.href !== before), page.click('button[type="submit"]')]);
  }
  if (!page.url().startsWith(redirectPrefix)) throw new Error(`the browser did not reach ${redirectPrefix}; it is at ${new URL(page.url()).pathname}`);
  return page.url();
}
