import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Download {
  file: string;
  /** The name the browser saves it under. */
  name: string;
}

/**
 * Web mode's private temp folder for files that cross HTTP: finished exports waiting for their one
 * download, and uploaded files waiting to be opened. Ids are random, so one cannot be guessed from
 * another; everything left is deleted on close.
 */
export class TransferFolder {
  private readonly downloads = new Map<string, Download>();
  private readonly uploads = new Map<string, string>();

  private constructor(readonly dir: string) {}

  static create(): TransferFolder {
    return new TransferFolder(mkdtempSync(join(tmpdir(), 'switchboard-transfers-')));
  }

  pathFor(id: string, extension: string): string {
    return join(this.dir, `${id}.${extension}`);
  }

  offerDownload(id: string, download: Download): void {
    this.downloads.set(id, download);
  }

  /** Hands the download out once; the caller deletes the file when it has been sent. */
  takeDownload(id: string): Download | null {
    const download = this.downloads.get(id) ?? null;
    this.downloads.delete(id);
    return download;
  }

  newUpload(): { uploadId: string; file: string } {
    const uploadId = randomBytes(12).toString('hex');
    return { uploadId, file: this.pathFor(uploadId, 'upload') };
  }

  completeUpload(uploadId: string, file: string): void {
    this.uploads.set(uploadId, file);
  }

  /** The uploaded file, once; the caller deletes it when done with it. */
  takeUpload(uploadId: string): string | null {
    const file = this.uploads.get(uploadId) ?? null;
    this.uploads.delete(uploadId);
    return file;
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true }).catch(() => undefined);
  }

  close(): void {
    this.downloads.clear();
    this.uploads.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function newTransferId(): string {
  return randomBytes(12).toString('hex');
}
