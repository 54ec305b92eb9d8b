import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { parseProfile } from '../../../src-main/core/profiles/validate';
import { errorText, parseProfileProblems, problemsUnder } from '../../../src-renderer/src/lib/profiles-errors';
import { eventsPerSecond, formatSpan } from '../../../src-renderer/src/lib/profiles-rates';

/** The message the core rejects a profile with, exactly as the UI receives it. */
function rejection(profile: unknown): string {
  try {
    parseProfile(profile);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
}

describe('parseProfileProblems: the core names the fields, the form puts each message next to its field', () => {
  it('splits one problem', () => {
    const problems = parseProfileProblems(rejection({ provider: 'websocket', url: 'http://x.example/feed' }));
    expect(Object.keys(problems.byField)).toEqual(['url']);
    expect(problems.byField['url']![0]).toContain('ws://');
    expect(problems.general).toEqual([]);
  });

  it('splits several, nested fields included, and groups them under their parent field', () => {
    const message = rejection({ provider: 'websocket', url: '', headers: [{ name: 'Host', value: 'a' }, { name: 'X', value: 'b\nc' }] });
    const problems = parseProfileProblems(message);
    expect(Object.keys(problems.byField).sort()).toEqual(['headers[0].name', 'headers[1].value', 'url']);
    expect(problemsUnder(problems, 'headers')).toHaveLength(2);
    expect(problemsUnder(problems, 'headers')[0]).toMatch(/^#1 name: Host is set by the WebSocket handshake/);
  });

  it('keeps any other refusal whole, for the top of the form', () => {
    expect(parseProfileProblems('There is no profile "x".')).toEqual({ byField: {}, general: ['There is no profile "x".'] });
  });

  it('drops the Electron IPC wrapping', () => {
    const wrapped = new Error("Error invoking remote method 'switchboard:saveProfile': Error: The profile is not valid: url: is required.");
    expect(errorText(wrapped)).toBe('The profile is not valid: url: is required.');
  });
});

describe('eventsPerSecond', () => {
  const event = (connectionId: string, receivedAt: number, type = 'call.ringing'): MonitorEvent => ({
    seq: receivedAt,
    connectionId,
    provider: 'dialpad',
    receivedAt,
    occurredAt: null,
    topic: 'call',
    type,
    callId: null,
    summary: '',
    raw: '{}',
    rawEncoding: 'text',
    payload: {},
    verified: null,
  });

  it("counts one connection's provider events over the last ten seconds", () => {
    const now = 100_000;
    const events = [event('a', 80_000), event('a', 91_000), event('b', 95_000), event('a', 96_000, 'system.connected'), event('a', 99_000)];
    expect(eventsPerSecond(events, 'a', now)).toBeCloseTo(0.2);
    expect(eventsPerSecond(events, 'b', now)).toBeCloseTo(0.1);
    expect(eventsPerSecond([], 'a', now)).toBe(0);
  });

  it('formats spans for people', () => {
    expect(formatSpan(42_400)).toBe('42 s');
    expect(formatSpan(185_000)).toBe('3 min 05 s');
    expect(formatSpan(2 * 3_600_000 + 14 * 60_000)).toBe('2 h 14 min');
    expect(formatSpan(-5)).toBe('0 s');
  });
});
