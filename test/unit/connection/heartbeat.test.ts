import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from '../../../src-main/core/connection/heartbeat';

describe('Heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function heartbeat() {
    const sendPing = vi.fn();
    const onTimeout = vi.fn();
    return { beat: new Heartbeat({ intervalMs: 100, sendPing, onTimeout }), sendPing, onTimeout };
  }

  it('pings every interval and times out after two intervals without a pong', () => {
    const { beat, sendPing, onTimeout } = heartbeat();
    beat.start();
    vi.advanceTimersByTime(100);
    expect(sendPing).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(sendPing).toHaveBeenCalledTimes(2);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never times out while pongs come back', () => {
    const { beat, onTimeout } = heartbeat();
    beat.start();
    for (let i = 0; i < 20; i += 1) {
      vi.advanceTimersByTime(100);
      beat.pongReceived();
    }
    expect(onTimeout).not.toHaveBeenCalled();
    beat.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('probe pings at once and times out after the window unless a pong arrives', () => {
    const answered = heartbeat();
    answered.beat.probe(30);
    expect(answered.sendPing).toHaveBeenCalledTimes(1);
    answered.beat.pongReceived();
    vi.advanceTimersByTime(100);
    expect(answered.onTimeout).not.toHaveBeenCalled();

    const silent = heartbeat();
    silent.beat.start();
    silent.beat.probe(30);
    vi.advanceTimersByTime(30);
    expect(silent.onTimeout).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
