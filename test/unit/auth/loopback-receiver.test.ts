import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src-main/core/auth/auth-error';
import { startLoopbackReceiver, type LoopbackReceiver } from '../../../src-main/core/auth/loopback-receiver';
import { PendingFlows } from '../../../src-main/core/auth/pending-flows';

const started: LoopbackReceiver[] = [];

async function receiver(flows: PendingFlows, timeoutMs = 5000): Promise<LoopbackReceiver> {
  const started_ = await startLoopbackReceiver({ flows, timeoutMs });
  started.push(started_);
  return started_;
}

function startFlow(flows: PendingFlows, redirectUri: string): string {
  return flows.start({ profileId: 'p', authorizeUrl: 'https://idp.example/authorize', clientId: 'c', redirectUri, scopes: [] }).state;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers, timeout: 5000, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((open) => open.close()));
});

describe('startLoopbackReceiver', () => {
  it('listens on 127.0.0.1 on a random port and accepts the callback of its flow, then closes', async () => {
    const flows = new PendingFlows();
    const open = await receiver(flows);
    expect(open.port).toBeGreaterThan(0);
    expect(open.redirectUri).toBe(`http://127.0.0.1:${open.port}/oauth/callback`);
    const state = startFlow(flows, open.redirectUri);

    const answer = await get(open.port, `/oauth/callback?code=the-code&state=${state}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('You can close this tab and return to Switchboard.');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'");
    expect((await open.result).code).toBe('the-code');
    await expect(get(open.port, '/oauth/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers strays with an error but keeps waiting for the real callback', async () => {
    const flows = new PendingFlows();
    const open = await receiver(flows);
    const state = startFlow(flows, open.redirectUri);

    const forged = await get(open.port, '/oauth/callback?code=x&state=forged');
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('does not match any sign-in in progress');
    expect((await get(open.port, '/favicon.ico')).status).toBe(404);
    expect((await get(open.port, `/oauth/callback?code=x&state=${state}`, {}, 'POST')).status).toBe(405);
    // DNS rebinding: right port, another host name.
    expect((await get(open.port, `/oauth/callback?code=x&state=${state}`, { host: `attacker.example:${open.port}` })).status).toBe(400);

    expect((await get(open.port, `/oauth/callback?code=real&state=${state}`)).status).toBe(200);
    expect((await open.result).code).toBe('real');
  });

  it('escapes provider text on the error page and reports the provider error', async () => {
    const flows = new PendingFlows();
    const open = await receiver(flows);
    const state = startFlow(flows, open.redirectUri);
    const answer = await get(open.port, `/oauth/callback?error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script>')}&state=${state}`);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).toContain('&#60;script&#62;');
    await expect(open.result).rejects.toMatchObject({ kind: 'provider_error', oauthError: 'access_denied' });
  });

  it('gives up after its timeout', async () => {
    const open = await receiver(new PendingFlows(), 50);
    const error = await open.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ kind: 'loopback_timeout' });
    await expect(get(open.port, '/oauth/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('close() cancels the wait', async () => {
    const open = await receiver(new PendingFlows());
    await open.close();
    await expect(open.result).rejects.toMatchObject({ kind: 'sign_in_cancelled' });
  });

  it('can use a fixed port', async () => {
    const first = await receiver(new PendingFlows());
    const port = first.port;
    await first.close();
    const fixed = await startLoopbackReceiver({ flows: new PendingFlows(), port, timeoutMs: 1000 });
    started.push(fixed);
    expect(fixed.port).toBe(port);
  });
});
