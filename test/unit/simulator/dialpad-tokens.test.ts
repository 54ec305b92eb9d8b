import { describe, expect, it } from 'vitest';
import { DialpadDirectory } from '../../../src-main/core/simulator/dialpad-directory';
import { createRandom } from '../../../src-main/core/simulator/prng';

describe('simulated Dialpad socket tokens', () => {
  it('live at least their lifetime, whatever the millisecond they are issued at', () => {
    const directory = new DialpadDirectory(createRandom(1), () => 1);
    const websocket = directory.createWebsocket(null);
    for (const issuedAt of [1_700_000_000_000, 1_700_000_000_500, 1_700_000_000_999]) {
      const { token, expiresAt } = directory.issueToken(websocket.id, null, issuedAt);
      expect(expiresAt - issuedAt).toBeGreaterThanOrEqual(1_000);
      expect(expiresAt - issuedAt).toBeLessThanOrEqual(2_000);
      expect(directory.readToken(token, issuedAt + 999)).not.toBeNull();
      expect(directory.readToken(token, expiresAt)).toBeNull();
    }
  });
});
