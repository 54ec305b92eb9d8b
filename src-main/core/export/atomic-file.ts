import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A file that appears under its final name complete or not at all: text goes to a temp file in the
 * same folder (so the final rename stays on one filesystem and is atomic), which is fsynced and
 * renamed on commit, or deleted on discard.
 */
export class AtomicFile {
  private failure: Error | null = null;

  private constructor(
    readonly file: string,
    private readonly tempFile: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  static async create(file: string): Promise<AtomicFile> {
    const tempFile = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    // flush: fsync before close, so a crash after the rename cannot leave an empty export behind.
    const stream = createWriteStream(tempFile, { flags: 'wx', flush: true, highWaterMark: 256 * 1024 });
    await once(stream, 'open');
    return new AtomicFile(file, tempFile, stream);
  }

  /** Resolves once the stream can take more: waits for 'drain' when its buffer is full. */
  async write(text: string): Promise<void> {
    this.throwIfFailed();
    // once() rejects when 'error' comes first, so a failing disk cannot leave this waiting.
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.throwIfFailed();
    const closed = once(this.stream, 'close');
    this.stream.end();
    await closed;
    this.throwIfFailed();
    await rename(this.tempFile, this.file);
  }

  /** Best effort and never throws: it runs while another error is already on its way up. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(this.tempFile, { force: true }).catch(() => undefined);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
