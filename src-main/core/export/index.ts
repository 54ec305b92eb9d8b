export { exportEvents, type ExportFormat, type ExportOptions, type ExportProgress } from './export-events';
export { readNdjsonExport, NdjsonImportError, type NdjsonLineError } from './ndjson-reader';
