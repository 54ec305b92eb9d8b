import { describe, expect, it } from 'vitest';
import { ProfileValidationError } from '../../../src-main/core/profiles/field-checks';
import { parseProfile } from '../../../src-main/core/profiles/validate';

function problemsOf(value: unknown): readonly string[] {
  try {
    parseProfile(value);
  } catch (error) {
    if (error instanceof ProfileValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('profile validation', () => {
  it('accepts the shortest raw WebSocket profile and fills the defaults', () => {
    expect(parseProfile({ provider: 'websocket', url: 'ws://127.0.0.1:9000/' })).toEqual({
      id: '',
      name: 'WebSocket ws://127.0.0.1:9000/',
      provider: 'websocket',
      url: 'ws://127.0.0.1:9000/',
      headers: [],
      subprotocols: [],
      framesAfterOpen: [],
    });
  });

  it('fills provider defaults for VoIPBin, Opentact and Dialpad', () => {
    expect(parseProfile({ provider: 'voipbin', name: 'vb', username: 'me', topics: ['customer_id:x'] })).toMatchObject({
      baseUrl: 'https://api.voipbin.net',
      credential: 'login',
    });
    expect(parseProfile({ provider: 'opentact', name: 'ot' })).toMatchObject({
      restBase: 'https://api.opentact.org/rest',
      socketUrl: 'wss://api.opentact.org/wss',
      credential: 'token',
      subscriptionDeletePath: '/event/subscription/{uuid}',
    });
    expect(parseProfile({ provider: 'dialpad', name: 'dp', websocketId: 5_000_000_000 })).toMatchObject({
      environment: 'production',
      credential: 'apiKey',
      connectWith: 'websocket',
      websocketId: '5000000000',
      restBase: null,
    });
  });

  it('names every bad field in one message', () => {
    const error = (() => {
      try {
        parseProfile({ provider: 'websocket', id: 'has space', url: 'http://example.com', subprotocols: ['a b'], headers: [{ name: 'Host', value: 'x' }] });
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ProfileValidationError);
    expect(error?.message).toMatch(/^The profile has 4 problems: /);
    expect(error?.message).toContain('id: must be 1 to 64 letters, digits, - or _');
    expect(error?.message).toContain('url: must be a URL starting with ws:// or wss://');
    expect(error?.message).toContain('subprotocols[0]: must be a token');
    expect(error?.message).toContain('headers[0].name: Host is set by the WebSocket handshake itself');
  });

  it('checks each provider’s own fields', () => {
    expect(problemsOf({ provider: 'dialpad', environment: 'custom', credential: 'oauth', connectWith: 'subscription', subscriptionType: 'fax' })).toEqual([
      'customHost: is required',
      'subscriptionType: must be call or sms or agent_status or contact or changelog',
      'oauth: is required for the OAuth credential (clientId, scopes, redirect)',
      'subscriptionId: is required',
    ]);
    expect(problemsOf({ provider: 'voipbin', baseUrl: 'ftp://x', topics: [] })).toEqual([
      'topics: needs at least one topic, e.g. customer_id:<your customer id>:call',
      'baseUrl: must be a URL starting with https:// or http://',
      'username: is required',
    ]);
    expect(problemsOf({ provider: 'opentact', credential: 'login', subscriptionDeletePath: 'event' })).toEqual([
      'subscriptionDeletePath: must start with / and contain {uuid}',
      'email: is required',
    ]);
    expect(problemsOf({ provider: 'fax' })).toEqual(['provider: must be dialpad or voipbin or opentact or websocket', 'url: is required']);
  });

  it('keeps secrets out of profiles: no password in URLs, no value on a secret header, one secret header at most', () => {
    expect(problemsOf({ provider: 'websocket', url: 'wss://user:pw@example.com/' })).toEqual([
      'url: must not contain a user name or password (they belong in the keychain)',
    ]);
    expect(
      problemsOf({
        provider: 'websocket',
        url: 'wss://example.com/',
        headers: [
          { name: 'Authorization', value: 'Bearer abc', secret: true },
          { name: 'X-Key', secret: true },
        ],
      }),
    ).toEqual([
      'headers[0].value: a secret header keeps its value in the keychain (secret kind "token"), not in the profile',
      'headers: only one header can be secret (the keychain holds one token per profile)',
    ]);
  });

  it('refuses the demo id and non-objects', () => {
    expect(problemsOf({ provider: 'websocket', id: 'demo', url: 'ws://127.0.0.1:1/' })).toEqual(['id: "demo" is the built-in demo profile']);
    expect(problemsOf([])).toEqual(['the profile must be a JSON object']);
  });
});
