import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PendingFlows } from '../../../src-main/core/auth/pending-flows';
import { deliverProtocolUrl, startCore, type Core, type SignInCallback } from '../../../src-main/core/service';

const REDIRECT = 'switchboard://oauth/callback';

function coreParts() {
  const lines: string[] = [];
  const callbacks: SignInCallback[] = [];
  const parts = {
    flows: new PendingFlows(),
    signInCallbacks: new Set([(callback: SignInCallback) => void callbacks.push(callback)]),
    log: (line: string) => void lines.push(line),
  };
  return { parts, lines, callbacks };
}

function startFlow(flows: PendingFlows): string {
  const started = flows.start({
    profileId: 'dialpad-1',
    authorizeUrl: 'https://dialpad.example/oauth2/authorize',
    clientId: 'client-abc',
    redirectUri: REDIRECT,
    scopes: ['calls:list'],
  });
  return started.state;
}

describe('the core entry point for switchboard:// links', () => {
  it('completes the pending sign-in the callback names and announces it', async () => {
    const { parts, lines, callbacks } = coreParts();
    const state = startFlow(parts.flows);
    await deliverProtocolUrl(parts, `${REDIRECT}?code=the-code&state=${state}`);
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ flow: { profileId: 'dialpad-1', code: 'the-code', redirectUri: REDIRECT } });
    expect(lines).toEqual([]);
  });

  it('refuses a replayed or unknown callback, announces the refusal and never logs the code', async () => {
    const { parts, lines, callbacks } = coreParts();
    const state = startFlow(parts.flows);
    const url = `${REDIRECT}?code=secret-code&state=${state}`;
    await deliverProtocolUrl(parts, url);
    await deliverProtocolUrl(parts, url);
    await deliverProtocolUrl(parts, `${REDIRECT}?code=secret-code&state=nobody-started-this`);
    expect(callbacks.slice(1).map((callback) => 'error' in callback && callback.error.kind)).toEqual(['state_reused', 'state_unknown']);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/refused a sign-in callback/);
      expect(line).not.toContain('secret-code');
    }
  });

  it('logs and drops any other link without touching the pending sign-ins', async () => {
    const { parts, lines, callbacks } = coreParts();
    startFlow(parts.flows);
    for (const url of [
      'switchboard://settings/open?code=secret-code',
      'switchboard://oauth/callback/extra?code=secret-code',
      'http://127.0.0.1:5000/oauth/callback?code=secret-code',
      'not a url',
    ]) {
      await deliverProtocolUrl(parts, url);
    }
    expect(callbacks).toEqual([]);
    expect(parts.flows.size).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Switchboard: ignored a link it does not handle (switchboard://settings/open); only switchboard://oauth/callback is expected.',
    );
    expect(lines.join('\n')).not.toContain('secret-code');
  });

  describe('wired into startCore', () => {
    let core: Core | undefined;
    let dataDir: string | undefined;
    afterEach(async () => {
      await core?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('handleProtocolUrl reaches the same routing', async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'switchboard-protocol-'));
      const lines: string[] = [];
      core = await startCore({ dataDir, mode: 'desktop', version: '0.0.0-test', autoConnect: false, log: (line) => lines.push(line) });
      await core.handleProtocolUrl(`${REDIRECT}?code=c&state=unknown`);
      await core.handleProtocolUrl('switchboard://elsewhere');
      expect(lines.filter((line) => /sign-in callback|link it does not handle/.test(line))).toEqual([
        'Switchboard: refused a sign-in callback: This sign-in callback does not match any sign-in in progress. Start the sign-in again.',
        'Switchboard: ignored a link it does not handle (switchboard://elsewhere); only switchboard://oauth/callback is expected.',
      ]);
    });
  });
});
