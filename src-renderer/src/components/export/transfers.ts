import type { OpenedFile } from '../../../../src-main/core/api';
import { api } from '../../lib/api';

/** True in the desktop app, where the shell shows native file dialogs. */
export const hasNativeDialogs = window.switchboard !== undefined;

/** Web mode: the finished export waits on the server for one download, authenticated by the session cookie. */
export function downloadExport(exportId: string): void {
  const link = document.createElement('a');
  link.href = `/exports/${exportId}`;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Web mode: uploads the file, then opens it as a read-only source. */
export async function uploadAndOpen(file: File): Promise<OpenedFile | null> {
  const response = await fetch('/imports', { method: 'POST', body: file, headers: { 'Content-Type': 'application/x-ndjson' } });
  if (!response.ok) throw new Error((await response.text()) || `Upload failed (${response.status})`);
  const { uploadId } = (await response.json()) as { uploadId: string };
  const opened = await api.openNdjsonFile(uploadId);
  return opened && { ...opened, name: file.name };
}
