import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { evaluate, parseFilterExpression } from '../../../src-main/core/filter';
import { EventStore } from '../../../src-main/core/store/event-store';

const folder = mkdtempSync(join(tmpdir(), 'switchboard-filter-fuzz-'));
let store: EventStore;

const sample: Omit<MonitorEvent, 'seq'> = {
  connectionId: 'c1',
  provider: 'dialpad',
  receivedAt: 1_700_000_000_000,
  occurredAt: null,
  topic: 'call',
  type: 'call.hangup',
  callId: '42',
  summary: 'hangup · inbound · Smith',
  raw: '{"state":"hangup","direction":"inbound","duration":61000,"target":{"name":"Ann Smith"}}',
  rawEncoding: 'text',
  payload: { state: 'hangup', direction: 'inbound', duration: 61000, target: { name: 'Ann Smith' } },
  verified: null,
};

beforeAll(() => {
  store = EventStore.open({ file: join(folder, 'events.sqlite') });
  store.append([sample, { ...sample, payload: { state: 'ringing' }, raw: '{"state":"ringing"}', type: 'call.ringing' }]);
});

afterAll(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Pieces of the language, glued at random: mostly almost-valid expressions, which find the edge cases. */
const piece = fc.constantFrom(
  'state', 'target.name', 'duration', '@type', '@topic', 'exists(', ')', '(', 'AND', 'OR', 'NOT', 'and', '=', '!=', '>', '<=', '~',
  '/smith/i', '/(a+)+$/', '/[/', '"quoted phrase"', "'x' OR 1=1 --", '60000', '-1e999', 'hangup', '"', '\\', '.', '[0]', '__proto__',
);
const expressions = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' ')),
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
);

describe('the filter language under generated input', () => {
  it('parses or explains every input, and what parses runs in the renderer and in SQLite without error', () => {
    fc.assert(
      fc.property(expressions, (input) => {
        const parsed = parseFilterExpression(input);
        if (!parsed.ok) {
          expect(parsed.error.message).toMatch(/column \d+/);
          expect(parsed.error.column).toBeGreaterThanOrEqual(1);
          return;
        }
        if (parsed.expression !== null) expect(typeof evaluate(parsed.expression, { ...sample, seq: 1 })).toBe('boolean');
        const page = store.query({ limit: 10, filter: { expression: input } });
        expect(page.events.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 3_000 },
    );
  });

  it('history and live agree on which events match', () => {
    const cases = ['state = hangup', 'duration > 60000', 'target.name ~ /smith/i', 'NOT exists(target)', 'state != hangup OR @type = call.hangup'];
    for (const input of cases) {
      const parsed = parseFilterExpression(input);
      if (!parsed.ok || parsed.expression === null) throw new Error(`did not parse: ${input}`);
      const expression = parsed.expression;
      const fromStore = store.query({ limit: 10, filter: { expression: input } }).events.map((event) => event.seq);
      const live = store.query({ limit: 10 }).events.filter((event) => evaluate(expression, event)).map((event) => event.seq);
      expect(fromStore, input).toEqual(live);
    }
  });
});
