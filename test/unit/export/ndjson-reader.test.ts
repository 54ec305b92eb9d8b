import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src-main/core/api';
import { exportEvents } from '../../../src-main/core/export/export-events';
import { readNdjsonExport, type NdjsonLineError } from '../../../src-main/core/export/ndjson-reader';
import { SAMPLE_EVENTS, useExportScratch } from './export-fixtures';

async function readAll(file: string, onError?: (error: NdjsonLineError) => void): Promise<MonitorEvent[]> {
  const events: MonitorEvent[] = [];
  for await (const event of readNdjsonExport(file, onError)) events.push(event);
  return events;
}

describe('readNdjsonExport', () => {
  const scratch = useExportScratch();

  it('reads an NDJSON export back as the stored events', async () => {
    const store = scratch.store();
    const stored = store.append([...SAMPLE_EVENTS, ...SAMPLE_EVENTS]);
    const file = join(scratch.dir(), 'log.ndjson');
    await exportEvents({ store, format: 'ndjson', file });
    expect(await readAll(file)).toEqual(stored);
  });

  it('reports each bad line with its number and keeps reading', async () => {
    const store = scratch.store();
    store.append(SAMPLE_EVENTS);
    const file = join(scratch.dir(), 'log.ndjson');
    await exportEvents({ store, format: 'ndjson', file });
    appendFileSync(file, '{"seq": 3, "oops": true\n\n{"seq":"x"}\n[1,2]\n');
    const errors: NdjsonLineError[] = [];
    const events = await readAll(file, (error) => errors.push(error));
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(errors.map((error) => error.line)).toEqual([3, 5, 6]);
    expect(errors[0]?.message).toMatch(/not valid JSON/);
    expect(errors[1]?.message).toMatch(/seq/);
    expect(errors[2]?.message).toMatch(/object/);
  });

  it('stops at the first bad line when nobody listens for errors', async () => {
    const file = join(scratch.dir(), 'bad.ndjson');
    writeFileSync(file, 'garbage\n');
    await expect(readAll(file)).rejects.toThrow('line 1: not valid JSON');
  });

  it('rejects when the file cannot be read', async () => {
    await expect(readAll(join(scratch.dir(), 'missing.ndjson'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
