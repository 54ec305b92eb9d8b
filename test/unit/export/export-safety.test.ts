import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEvents, type ExportProgress } from '../../../src-main/core/export/export-events';
import { SAMPLE_EVENTS, useExportScratch } from './export-fixtures';

const manyEvents = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ ...SAMPLE_EVENTS[index % 2]!, summary: `event ${index} ${'x'.repeat(200)}` }));

describe('exportEvents progress, abort and failures', () => {
  const scratch = useExportScratch();

  it('reports progress every 1000 events and once at the end', async () => {
    const store = scratch.store();
    store.append(manyEvents(2500));
    const reports: ExportProgress[] = [];
    const file = join(scratch.dir(), 'all.ndjson');
    await exportEvents({ store, format: 'ndjson', file, onProgress: (progress) => reports.push(progress) });
    expect(reports).toEqual([
      { written: 1000, total: 2500 },
      { written: 2000, total: 2500 },
      { written: 2500, total: 2500 },
    ]);
  });

  it('leaves neither the file nor a temp file when aborted midway', async () => {
    const store = scratch.store();
    store.append(manyEvents(5000));
    const controller = new AbortController();
    const file = join(scratch.dir(), 'aborted.json');
    const run = exportEvents({
      store,
      format: 'json',
      file,
      signal: controller.signal,
      onProgress: ({ written }) => {
        if (written === 2000) controller.abort(new Error('user cancelled'));
      },
    });
    await expect(run).rejects.toThrow('user cancelled');
    expect(scratch.files()).toEqual([]);
  });

  it('does not start when the signal is already aborted', async () => {
    const store = scratch.store();
    store.append(manyEvents(10));
    await expect(
      exportEvents({ store, format: 'csv', file: join(scratch.dir(), 'never.csv'), signal: AbortSignal.abort() }),
    ).rejects.toThrow();
    expect(scratch.files()).toEqual([]);
  });

  it('fails cleanly when the target folder does not exist', async () => {
    const store = scratch.store();
    store.append(manyEvents(10));
    const file = join(scratch.dir(), 'missing', 'out.csv');
    await expect(exportEvents({ store, format: 'csv', file })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(scratch.files()).toEqual([]);
  });

  it('leaves no partial file when the target folder disappears during the export', async () => {
    const store = scratch.store();
    store.append(manyEvents(3000));
    const folder = join(scratch.dir(), 'vanishing');
    mkdirSync(folder);
    const file = join(folder, 'out.ndjson');
    const run = exportEvents({
      store,
      format: 'ndjson',
      file,
      onProgress: ({ written }) => {
        if (written === 1000) rmSync(folder, { recursive: true, force: true });
      },
    });
    await expect(run).rejects.toThrow();
    expect(existsSync(folder)).toBe(false);
  });

  it('removes the temp file when the final rename fails', async () => {
    const store = scratch.store();
    store.append(manyEvents(10));
    const target = join(scratch.dir(), 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(exportEvents({ store, format: 'ndjson', file: target })).rejects.toThrow();
    expect(scratch.files()).toEqual(['occupied']);
  });

  it('replaces an existing file only on success', async () => {
    const store = scratch.store();
    store.append(manyEvents(10));
    const file = join(scratch.dir(), 'report.csv');
    writeFileSync(file, 'old');
    await exportEvents({ store, format: 'csv', file });
    expect(scratch.files()).toEqual(['report.csv']);
  });
});
