import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEvents } from '../../../src-main/core/export/export-events';
import { SAMPLE_EVENTS, useExportScratch } from './export-fixtures';

describe('exportEvents output', () => {
  const scratch = useExportScratch();
  const exportSample = async (format: 'ndjson' | 'json' | 'csv') => {
    const store = scratch.store();
    store.append(SAMPLE_EVENTS);
    const file = join(scratch.dir(), `out.${format}`);
    const result = await exportEvents({ store, format, file });
    expect(result).toEqual({ written: 2, file });
    return readFileSync(file, 'utf8');
  };
  const [first, second] = SAMPLE_EVENTS.map((event, index) => ({ seq: index + 1, ...event }));

  it('writes NDJSON: one complete stored event per line', async () => {
    expect(await exportSample('ndjson')).toBe(`${JSON.stringify(first)}\n${JSON.stringify(second)}\n`);
  });

  it('writes a JSON array with one event per line', async () => {
    const text = await exportSample('json');
    expect(text).toBe(`[\n  ${JSON.stringify(first)},\n  ${JSON.stringify(second)}\n]\n`);
    expect(JSON.parse(text)).toEqual([first, second]);
  });

  it('writes an empty JSON array for no events', async () => {
    const file = join(scratch.dir(), 'empty.json');
    await exportEvents({ store: scratch.store(), format: 'json', file });
    expect(readFileSync(file, 'utf8')).toBe('[]\n');
  });

  it('writes CSV with the documented columns and RFC 4180 quoting', async () => {
    expect(await exportSample('csv')).toBe(
      'seq,receivedAt,provider,connection,topic,type,callId,summary,payload\r\n' +
        '1,2024-01-02T03:04:05.678Z,dialpad,conn-1,call,call.ringing,42,"Ringing, ""Alice"" calling","{""state"":""ringing"",""note"":""line1\\nline2""}"\r\n' +
        '2,2024-01-02T03:04:06.000Z,websocket,conn-2,raw,system.malformed,,"binary frame\nsecond line",\r\n',
    );
  });

  it('exports only the filter matches, or only the picked seqs', async () => {
    const store = scratch.store();
    store.append([...SAMPLE_EVENTS, ...SAMPLE_EVENTS]);
    const filtered = join(scratch.dir(), 'filtered.ndjson');
    expect((await exportEvents({ store, format: 'ndjson', file: filtered, filter: { providers: ['websocket'] } })).written).toBe(2);
    const picked = join(scratch.dir(), 'picked.ndjson');
    expect((await exportEvents({ store, format: 'ndjson', file: picked, seqs: [3, 1, 99] })).written).toBe(2);
    const seqs = readFileSync(picked, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual([1, 3]);
  });
});
