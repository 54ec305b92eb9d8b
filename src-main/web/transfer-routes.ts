import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TransferFolder } from '../core/export/transfer-folder';

export const EXPORTS_PATH = '/exports/';
export const IMPORTS_PATH = '/imports';
/** Largest NDJSON file a browser may upload to open. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Handles the export download and the upload routes; false when the request is for neither. */
export async function handleTransfer(
  transfers: TransferFolder,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (request.method === 'GET' && url.pathname.startsWith(EXPORTS_PATH)) {
    await sendDownload(transfers, url.pathname.slice(EXPORTS_PATH.length), response);
    return true;
  }
  if (request.method === 'POST' && url.pathname === IMPORTS_PATH) {
    await receiveUpload(transfers, request, response);
    return true;
  }
  return false;
}

async function sendDownload(transfers: TransferFolder, exportId: string, response: ServerResponse): Promise<void> {
  const download = /^[0-9a-f]{24}$/.test(exportId) ? transfers.takeDownload(exportId) : null;
  if (!download) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This export is unknown or was already downloaded.');
    return;
  }
  const extension = download.name.split('.').pop() ?? '';
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${download.name}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  const input = createReadStream(download.file);
  input.pipe(response);
  // One download per export: the file goes once sent, or once the browser gave up on it.
  await once(response, 'close');
  input.destroy();
  await transfers.remove(download.file);
}

/** Streams the body to a temp file, refusing it past MAX_UPLOAD_BYTES; answers `{ uploadId }`. */
async function receiveUpload(transfers: TransferFolder, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return refuseTooLarge(request, response);
  const { uploadId, file } = transfers.newUpload();
  const output = createWriteStream(file, { flags: 'wx' });
  let received = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > MAX_UPLOAD_BYTES) {
        output.destroy();
        await transfers.remove(file);
        return refuseTooLarge(request, response);
      }
      if (!output.write(chunk)) await once(output, 'drain');
    }
    output.end();
    await once(output, 'close');
  } catch (error) {
    output.destroy();
    await transfers.remove(file);
    throw error;
  }
  transfers.completeUpload(uploadId, file);
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify({ uploadId }));
}

function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  response
    .writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' })
    .end(`The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`);
  request.resume();
}
