import { basename } from 'node:path';
import type { ExportFormat, ExportRequest, SwitchboardApi } from '../api';
import { InvalidRequestError, parseEventQuery, requireSeq, requireString } from '../api-validation';
import { ExportJobs } from '../export/export-jobs';
import { TransferFolder } from '../export/transfer-folder';
import { FileSources } from '../files/file-sources';
import type { CoreContext, SessionContext } from './context';

/** What the export and file handlers need besides the core: set up once by the service. */
export interface FileServices {
  exports: ExportJobs;
  files: FileSources;
  /** Web mode only: where uploads wait. */
  transfers: TransferFolder | null;
  /** Desktop only: the shell's open dialog. */
  chooseImportPath: (() => Promise<string | null>) | null;
}

const FORMATS: readonly ExportFormat[] = ['ndjson', 'json', 'csv'];
const MAX_SELECTION = 100_000;

export function fileHandlers(core: CoreContext, session: SessionContext, services: FileServices) {
  const storeFor = (fileId: string | undefined) => (fileId === undefined ? core.store : services.files.store(fileId));
  return {
    startExport: async (request) => {
      const parsed = parseExportRequest(request);
      return services.exports.start(storeFor(parsed.fileId), parsed, (status) => session.push('exportProgress', status));
    },
    cancelExport: async (exportId) => services.exports.cancel(requireString(exportId, 'exportId')),
    openNdjsonFile: async (uploadId) => {
      if (uploadId !== undefined) {
        const file = services.transfers?.takeUpload(requireString(uploadId, 'uploadId'));
        if (!file) throw new InvalidRequestError('That upload is unknown or was already opened.');
        try {
          return await services.files.open(file, 'uploaded file');
        } finally {
          await services.transfers?.remove(file);
        }
      }
      if (!services.chooseImportPath) throw new InvalidRequestError('Upload the file first: this session has no file dialog.');
      const file = await services.chooseImportPath();
      return file === null ? null : services.files.open(file, basename(file));
    },
    queryFileEvents: async (fileId, query) => services.files.store(requireString(fileId, 'fileId')).query(parseEventQuery(query)),
    closeFile: async (fileId) => services.files.close(requireString(fileId, 'fileId')),
  } satisfies Partial<SwitchboardApi>;
}

function parseExportRequest(value: unknown): ExportRequest {
  if (typeof value !== 'object' || value === null) throw new InvalidRequestError('The export request must be an object.');
  const { scope, filter, seqs, format, fileId } = value as Record<string, unknown>;
  if (!FORMATS.includes(format as ExportFormat)) throw new InvalidRequestError(`format must be one of ${FORMATS.join(', ')}.`);
  const base = { format: format as ExportFormat, ...(fileId !== undefined && { fileId: requireString(fileId, 'fileId') }) };
  if (scope === 'all') return { ...base, scope };
  if (scope === 'filter') {
    // The query parser checks the filter the same way queryEvents does.
    return { ...base, scope, ...(filter !== undefined && parseEventQuery({ limit: 1, filter })) };
  }
  if (scope === 'selection') {
    if (!Array.isArray(seqs) || seqs.length === 0 || seqs.length > MAX_SELECTION) {
      throw new InvalidRequestError(`A selection export needs between 1 and ${MAX_SELECTION} seqs.`);
    }
    return { ...base, scope, seqs: seqs.map((seq, index) => requireSeq(seq, `seqs[${index}]`)) };
  }
  throw new InvalidRequestError('scope must be all, filter or selection.');
}

export interface FileServiceOptions {
  /** Desktop: the shell's save dialog. Without it (web mode), exports are offered for download. */
  chooseExportPath?: (defaultName: string) => Promise<string | null>;
  chooseImportPath?: () => Promise<string | null>;
  sqliteNativeBinding?: string;
}

export function createFileServices(options: FileServiceOptions): FileServices & { close(): void } {
  const { chooseExportPath } = options;
  const transfers = chooseExportPath ? null : TransferFolder.create();
  const exports = new ExportJobs({
    chooseTarget: async (exportId, defaultName, format) => {
      if (chooseExportPath) {
        const file = await chooseExportPath(defaultName);
        return file === null ? null : { file, download: false };
      }
      return { file: transfers!.pathFor(exportId, format), download: true };
    },
    onDownloadReady: (exportId, file, name) => transfers?.offerDownload(exportId, { file, name }),
  });
  const files = new FileSources(options.sqliteNativeBinding);
  return {
    exports,
    files,
    transfers,
    chooseImportPath: options.chooseImportPath ?? null,
    close: () => {
      exports.cancelAll();
      files.closeAll();
      transfers?.close();
    },
  };
}
