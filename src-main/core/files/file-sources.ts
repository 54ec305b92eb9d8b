import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileLineError, OpenedFile } from '../api';
import { readNdjsonExport } from '../export/ndjson-reader';
import { newTransferId } from '../export/transfer-folder';
import { EventStore, type NewEvent } from '../store/event-store';

/** Errors listed in OpenedFile; all of them are counted. */
const MAX_LISTED_ERRORS = 200;
const APPEND_BATCH = 2_000;

/**
 * NDJSON exports opened read-only: each is loaded into its own SQLite store in a temp folder,
 * so it is paged, filtered and searched like the live log without touching it. The events keep
 * their fields as exported; the file gets new seqs in line order.
 */
export class FileSources {
  private readonly dir = mkdtempSync(join(tmpdir(), 'switchboard-files-'));
  private readonly stores = new Map<string, EventStore>();

  constructor(private readonly nativeBinding?: string) {}

  async open(file: string, name: string): Promise<OpenedFile> {
    const fileId = `file-${newTransferId()}`;
    const store = EventStore.open({
      file: join(this.dir, `${fileId}.sqlite`),
      ...(this.nativeBinding && { nativeBinding: this.nativeBinding }),
    });
    const errors: FileLineError[] = [];
    let errorCount = 0;
    let batch: NewEvent[] = [];
    try {
      const lines = readNdjsonExport(file, (error) => {
        errorCount++;
        if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
      });
      for await (const { seq: _exportedSeq, ...event } of lines) {
        batch.push(event);
        if (batch.length >= APPEND_BATCH) {
          store.append(batch);
          batch = [];
        }
      }
      store.append(batch);
    } catch (error) {
      store.close();
      throw new Error(`Could not read ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.stores.set(fileId, store);
    return { fileId, name, events: store.count(), errorCount, errors };
  }

  store(fileId: string): EventStore {
    const store = this.stores.get(fileId);
    if (!store) throw new Error('That file is no longer open.');
    return store;
  }

  close(fileId: string): void {
    this.stores.get(fileId)?.close();
    this.stores.delete(fileId);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(this.dir, `${fileId}.sqlite${suffix}`), { force: true });
  }

  closeAll(): void {
    for (const store of this.stores.values()) store.close();
    this.stores.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
