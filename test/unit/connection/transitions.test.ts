import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src-main/core/api';
import { canTransition, nextStates } from '../../../src-main/core/connection/transitions';

const ALL_STATES: ConnectionState[] = [
  'idle',
  'connecting',
  'handshaking',
  'live',
  'rotating',
  'reconnecting',
  'closed',
  'failed',
];

describe('connection state transitions', () => {
  it.each([
    ['idle', 'connecting'],
    ['connecting', 'handshaking'],
    ['connecting', 'live'],
    ['handshaking', 'live'],
    ['live', 'rotating'],
    ['rotating', 'live'],
    ['live', 'reconnecting'],
    ['rotating', 'reconnecting'],
    ['reconnecting', 'connecting'],
    ['connecting', 'failed'],
    ['handshaking', 'failed'],
    ['failed', 'connecting'],
    ['closed', 'connecting'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['idle', 'live'],
    ['idle', 'reconnecting'],
    ['connecting', 'rotating'],
    ['handshaking', 'rotating'],
    ['live', 'connecting'],
    ['live', 'handshaking'],
    ['live', 'failed'],
    ['reconnecting', 'live'],
    ['reconnecting', 'failed'],
    ['closed', 'live'],
    ['closed', 'reconnecting'],
    ['failed', 'live'],
    ['failed', 'reconnecting'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('never allows staying in the same state (every transition is a change)', () => {
    for (const state of ALL_STATES) expect(canTransition(state, state)).toBe(false);
  });

  it('lets every state except closed be stopped into closed', () => {
    for (const state of ALL_STATES.filter((s) => s !== 'closed')) {
      expect(nextStates(state)).toContain('closed');
    }
  });

  it('leaves closed and failed only by starting again', () => {
    expect(nextStates('closed')).toEqual(['connecting']);
    expect(nextStates('failed').filter((s) => s !== 'closed')).toEqual(['connecting']);
  });
});
