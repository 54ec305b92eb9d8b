import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src-main/core/simulator';
import { connect, sleep, waitFor } from './helpers';

describe('simulator lifecycle', () => {
  it('binds 127.0.0.1 only and close() ends every socket and timer of every provider', async () => {
    const resourcesBefore = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap').length;
    const sim = await startSimulator({ rate: 200, voipbinPingIntervalMs: 50 });
    expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}`);
    const dialpad = connect((await sim.demoDialpadSocket()).url);
    const voipbin = connect(`ws://127.0.0.1:${sim.port}/v1.0/ws?accesskey=${sim.demo.voipbinAccessKey}`);
    const opentact = connect(`ws://127.0.0.1:${sim.port}/wss`);
    await Promise.all([dialpad.opened, voipbin.opened, opentact.opened]);
    sim.faults.setFrameDelay('dialpad', 1_000);
    await waitFor(() => sim.faults.counters().dialpad.openSockets === 1 && sim.faults.counters().voipbin.openSockets === 1, 2_000);
    await sleep(200);
    await sim.close();
    await Promise.all([dialpad.closed, voipbin.closed, opentact.closed]);
    await sleep(50);
    expect(process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap').length).toBeLessThanOrEqual(resourcesBefore);
    await expect(fetch(`${sim.baseUrl}/api/v2/websockets`)).rejects.toThrow();
  });

  it('serves 404 for unknown paths and upgrades', async () => {
    const sim = await startSimulator({ rate: 1 });
    expect((await fetch(`${sim.baseUrl}/nothing`)).status).toBe(404);
    const client = connect(`ws://127.0.0.1:${sim.port}/nothing`);
    await expect(client.opened).rejects.toThrow(/404/);
    await sim.close();
  });
});
