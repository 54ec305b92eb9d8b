import type { EventFilter, ExportFormat, ExportRequest, ExportStatus } from '../api';
import type { EventStore } from '../store/event-store';
import { exportEvents } from './export-events';
import { newTransferId } from './transfer-folder';

/** Where one export goes: a file the user chose, or a temp file offered for download (web mode). */
export interface ExportTarget {
  file: string;
  download: boolean;
}

export interface ExportJobsOptions {
  /** Resolves where to write, or null when the user canceled the save dialog. */
  chooseTarget(exportId: string, defaultName: string, format: ExportFormat): Promise<ExportTarget | null>;
  /** Called when a web-mode export finished: the file may now be downloaded. */
  onDownloadReady(exportId: string, file: string, name: string): void;
}

export function defaultExportName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `switchboard-events-${stamp}.${format}`;
}

/** Exports in progress: each one streams in the background, reports progress, and can be canceled. */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: ExportJobsOptions) {}

  async start(store: EventStore, request: ExportRequest, report: (status: ExportStatus) => void): Promise<{ exportId: string } | null> {
    const exportId = newTransferId();
    const name = defaultExportName(request.format);
    const target = await this.options.chooseTarget(exportId, name, request.format);
    if (target === null) return null;
    const abort = new AbortController();
    this.running.set(exportId, abort);
    const base = { exportId };
    report({ ...base, written: 0, total: 0, state: 'running' });
    exportEvents({
      store,
      ...scopeOf(request),
      format: request.format,
      file: target.file,
      signal: abort.signal,
      onProgress: ({ written, total }) => report({ ...base, written, total, state: 'running' }),
    }).then(
      ({ written }) => {
        if (target.download) this.options.onDownloadReady(exportId, target.file, name);
        report({ ...base, written, total: written, state: 'done', ...(target.download ? { download: true } : { file: target.file }) });
      },
      (error: unknown) => {
        const canceled = abort.signal.aborted;
        const message = error instanceof Error ? error.message : String(error);
        report({ ...base, written: 0, total: 0, state: canceled ? 'canceled' : 'failed', ...(!canceled && { error: message }) });
      },
    ).finally(() => this.running.delete(exportId));
    return { exportId };
  }

  /** Stops the export; its temp file is removed and it reports `canceled`. Unknown or finished ids are ignored. */
  cancel(exportId: string): void {
    this.running.get(exportId)?.abort(new Error('Export canceled'));
  }

  cancelAll(): void {
    for (const abort of this.running.values()) abort.abort(new Error('Switchboard is closing'));
  }
}

function scopeOf(request: ExportRequest): { filter?: EventFilter; seqs?: number[] } {
  if (request.scope === 'filter') return request.filter ? { filter: request.filter } : {};
  if (request.scope === 'selection') return { seqs: request.seqs ?? [] };
  return {};
}
