import { describe, expect, it, vi } from 'vitest';
import { parseSimulateArgs, runSimulate } from '../../../src-main/cli/simulate';

describe('simulate command line', () => {
  it('reads port, rate, seed and token lifetime', () => {
    expect(parseSimulateArgs(['--port', '8099', '--rate', '2.5', '--seed', '7', '--token-lifetime', '60'])).toEqual({
      port: 8099,
      rate: 2.5,
      seed: 7,
      tokenLifetimeSec: 60,
    });
    expect(parseSimulateArgs([])).toEqual({});
  });

  it('refuses unknown options, missing values and bad ports', () => {
    expect(() => parseSimulateArgs(['--speed', '3'])).toThrow(/unknown option/);
    expect(() => parseSimulateArgs(['--rate'])).toThrow(/needs a number/);
    expect(() => parseSimulateArgs(['--port', '70000'])).toThrow(/--port/);
  });

  it('exits with 2 and the usage on bad arguments, without starting anything', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runSimulate(['--nope'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/usage: switchboard simulate/);
    stderr.mockRestore();
  });
});
