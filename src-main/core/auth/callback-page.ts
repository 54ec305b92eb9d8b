/** The page the browser shows after the loopback redirect: plain, self-contained, no scripts. */
export function callbackPage(outcome: { ok: true } | { ok: false; message: string }): string {
  const title = outcome.ok ? 'Signed in' : 'Sign-in failed';
  const text = outcome.ok
    ? 'You can close this tab and return to Switchboard.'
    : `${outcome.message} You can close this tab and return to Switchboard.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard: ${title}</title></head><body><h1>${title}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

/** Response headers: the URL held a code, so nothing may be cached, framed or sent as a referrer. */
export const CALLBACK_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
