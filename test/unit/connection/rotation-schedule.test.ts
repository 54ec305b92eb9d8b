import { describe, expect, it } from 'vitest';
import { DEFAULT_ROTATION_LEAD_MS, rotationDelayMs } from '../../../src-main/core/connection/rotation-schedule';

describe('rotationDelayMs', () => {
  it('renews the lead time before expiry for long-lived tokens', () => {
    const hour = 3_600_000;
    expect(rotationDelayMs(0, hour, DEFAULT_ROTATION_LEAD_MS)).toBe(hour - DEFAULT_ROTATION_LEAD_MS);
  });

  it('caps the lead to half the remaining lifetime for short-lived tokens', () => {
    expect(rotationDelayMs(1000, 1400, DEFAULT_ROTATION_LEAD_MS)).toBe(200);
  });

  it('does not plan a renewal for an already expired socket', () => {
    expect(rotationDelayMs(1000, 1000, 100)).toBeNull();
    expect(rotationDelayMs(1000, 500, 100)).toBeNull();
  });
});
