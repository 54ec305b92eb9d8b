import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readNdjsonExport, type NdjsonLineError } from '../../../src-main/core/export/ndjson-reader';

const folder = mkdtempSync(join(tmpdir(), 'switchboard-ndjson-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const lines = fc.array(
  fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.record({ seq: fc.integer(), type: fc.string(), raw: fc.string() }).map((value) => JSON.stringify(value)),
  ),
  { maxLength: 20 },
);

describe('NDJSON import under generated files', () => {
  it('reads every file to the end, reporting each bad line by number instead of throwing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(lines, async (content) => {
        const file = join(folder, `import-${run++}.ndjson`);
        writeFileSync(file, content.join('\n'));
        const errors: NdjsonLineError[] = [];
        let events = 0;
        for await (const _event of readNdjsonExport(file, (error) => errors.push(error))) events += 1;
        const nonBlank = content.filter((line) => line.trim() !== '').length;
        expect(events + errors.length).toBe(nonBlank);
        for (const error of errors) {
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 500 },
    );
  });
});
