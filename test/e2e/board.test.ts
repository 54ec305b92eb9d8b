import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_CALL_STATES, type BoardCallState } from '../../src-main/core/api';
import { startCore, type Core } from '../../src-main/core/service';
import type { GroundTruth, LiveCallState, Simulator } from '../../src-main/core/simulator';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { launchChromium, openPage, pageErrors } from './support/web-app';

/*
 * The board against the simulator's ground truth. The core and the web server run inside this
 * test process (as web mode runs them), so the test can hold the demo simulator the core starts
 * and read its ground truth — a hook only tests use; the UI API has no way to reach it.
 */

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

let dataDir: string;
let core: Core;
let server: WebServer;
let browser: Browser;
let simulator: Simulator | undefined;
/** The simulator's clock started no later than this: agents that never changed status still show it. */
let simulatorStartedBy = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-board-'));
  core = await startCore({
    dataDir,
    mode: 'web',
    version: 'e2e',
    log: () => undefined,
    demo: {
      seed: 4242,
      rate: 24,
      onSimulatorStarted: (started) => {
        simulatorStartedBy = Date.now();
        simulator = started;
      },
    },
  });
  server = await startWebServer({ host: core, rendererDir: join(ROOT, 'out/renderer') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface ShownBoard {
  seq: number;
  /** The board's seq once every agent row was read: equal to `seq` when nothing changed meanwhile. */
  seqAfterAgents: number;
  live: number;
  byState: Record<BoardCallState, number>;
  waiting: number;
  /** The agents panel's own count: every one of them must be among `agents`. */
  agentsOnBoard: number;
  agents: { id: string; status: string }[];
}

/**
 * Every number in one read of the page, so they all come from the same render. The agents list
 * only has the rows in view in the DOM, so it is scrolled through, half a view at a time.
 */
async function readBoard(page: Page): Promise<ShownBoard> {
  return page.getByTestId('board-view').evaluate(async (root, states) => {
    const seqNow = (): number => Number(root.getAttribute('data-board-seq'));
    const seq = seqNow();
    const count = (id: string): number => Number(root.querySelector(`[data-testid="${id}"]`)?.textContent ?? 'NaN');
    const numbers = {
      live: count('board-count-live'),
      byState: Object.fromEntries(states.map((state) => [state, count(`board-count-${state}`)])) as Record<BoardCallState, number>,
      waiting: count('board-waiting-count'),
      agentsOnBoard: Number(root.querySelector('[data-testid="board-agents"] header .count')?.textContent ?? 'NaN'),
    };
    const agents = new Map<string, string>();
    const readAgentRows = (): void => {
      for (const row of root.querySelectorAll('[data-testid="board-agent-row"]')) agents.set(row.getAttribute('data-agent-id') ?? '', row.getAttribute('data-status') ?? '');
    };
    let scroller = root.querySelector('[data-testid="board-agent-row"]')?.parentElement ?? null;
    while (scroller !== null && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (scroller === null) {
      readAgentRows();
    } else {
      const rendered = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      scroller.scrollTop = 0;
      await rendered();
      for (;;) {
        readAgentRows();
        const before = scroller.scrollTop;
        scroller.scrollTop = before + scroller.clientHeight / 2;
        if (scroller.scrollTop === before) break;
        await rendered();
      }
    }
    return { seq, seqAfterAgents: seqNow(), ...numbers, agents: [...agents].map(([id, status]) => ({ id, status })) };
  }, BOARD_CALL_STATES);
}

/** What the simulator has sent and the app stored, read in one synchronous step (all in this process). */
function pipelineNow(): { truth: GroundTruth; framesSent: number; framesStored: number; lastSeq: number } {
  return {
    truth: simulator!.groundTruth(),
    framesSent: simulator!.faults.counters().dialpad.framesSent,
    framesStored: core.store.countMatching({ providers: ['dialpad'], topics: ['call', 'agent_status', 'sms'] }),
    lastSeq: core.store.lastSeq(),
  };
}

/**
 * Waits for a quiet moment: every frame the simulator sent is stored, the page shows a board
 * built from the last stored event, and the simulator generated nothing while we read the page.
 * Only then are the two comparable; between events they legitimately differ by what is in flight.
 */
async function quietComparison(page: Page): Promise<{ truth: GroundTruth; shown: ShownBoard }> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const before = pipelineNow();
    const shown = await readBoard(page);
    const after = pipelineNow();
    const quiet =
      before.framesSent === before.framesStored &&
      shown.seq === before.lastSeq &&
      shown.seqAfterAgents === shown.seq &&
      after.truth.eventsGenerated === before.truth.eventsGenerated &&
      after.lastSeq === before.lastSeq;
    if (quiet) return { truth: before.truth, shown };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The simulator never paused long enough to compare the board with its ground truth.');
}

describe('supervisor board', () => {
  it('shows what the simulated contact center is doing, number for number', async () => {
    const page = await openPage(browser, server.url);
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await expect.poll(() => page.getByTestId('board-call-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.getByTestId('board-waiting-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('board-ended-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);

    // Tight thresholds, as a supervisor of a fast queue would set them: rows turn amber and red.
    await page.getByRole('button', { name: /Thresholds/ }).click();
    const form = page.getByTestId('board-thresholds');
    const fields = form.locator('input[type="number"]');
    for (const [index, seconds] of [4, 8, 3, 6].entries()) await fields.nth(index).fill(String(seconds));
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[data-testid="board-call-row"].amber, [data-testid="board-call-row"].red').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

    // Saved for the next visit.
    await page.reload();
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.getByRole('button', { name: /Thresholds/ }).click();
    const saved = page.getByTestId('board-thresholds').locator('input[type="number"]');
    expect(await Promise.all([0, 1, 2, 3].map((index) => saved.nth(index).inputValue()))).toEqual(['4', '8', '3', '6']);
    await page.getByTestId('board-thresholds').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('board-call-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(SCREENSHOTS, 'board-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });

    // Fewer new calls: the calls in progress play out, and gaps between events open up.
    simulator!.setRate(1);
    for (let round = 0; round < 3; round++) {
      const { truth, shown } = await quietComparison(page);
      const expected = Object.fromEntries(BOARD_CALL_STATES.map((state) => [state, truth.callsByState[state as LiveCallState] ?? 0]));
      expect(shown.byState).toEqual(expected);
      expect(shown.live).toBe(truth.liveCalls.length);
      expect(shown.waiting).toBe(truth.waiting.length);

      // Agents appear with their first status event; the staff at work when the simulator
      // started and unchanged since has sent none, so it cannot be on the board yet.
      const shownStatus = new Map(shown.agents.map((agent) => [agent.id, agent.status]));
      for (const agent of truth.agents) {
        const status = shownStatus.get(agent.id);
        if (status === undefined) expect(agent.since).toBeLessThanOrEqual(simulatorStartedBy);
        else expect(status).toBe(agent.status);
      }
      expect(shown.agents.length).toBe(shown.agentsOnBoard);
      expect(shown.agents.length).toBeGreaterThan(truth.agents.length / 2);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens the timeline of a call: every event of its legs, each one inspectable', async () => {
    const page = await openPage(browser, server.url);
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    const row = page.getByTestId('board-ended-row').first();
    await expect.poll(() => page.getByTestId('board-ended-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await row.click();

    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const types = await events.locator('.type').allTextContents();
    expect(types).toContain('call.hangup');
    const seqs = await events.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq'))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    await events.filter({ hasText: 'call.hangup' }).first().click();
    const detail = page.getByTestId('event-detail');
    await expect.poll(() => detail.textContent(), { timeout: 5_000 }).toContain('call.hangup');
    await page.screenshot({ path: join(SCREENSHOTS, 'board-timeline.png') });
    expect(pageErrors(page)).toEqual([]);
  });
});
