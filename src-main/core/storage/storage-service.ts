import type { RetentionSettings, StorageSettings } from '../api';
import { readEventLogFigures, type FigureSource } from './log-figures';
import { RetentionSettingsFile } from './retention-file';
import { RetentionScheduler, type RetentionScheduleOptions, type RetentionTarget } from './retention-scheduler';

export interface StorageServiceOptions {
  dataDir: string;
  store: RetentionTarget & FigureSource;
  /** The store's SQLite file: its size, with its write-ahead log, is the size on disk. */
  eventLogFile: string;
  log: (line: string) => void;
  schedule?: Pick<RetentionScheduleOptions, 'firstRunAfterMs' | 'everyMs' | 'now'>;
}

/** The event log's retention: the saved limits, the passes that apply them, and the figures the UI shows. */
export class StorageService {
  private constructor(
    private readonly options: StorageServiceOptions,
    private readonly file: RetentionSettingsFile,
    private readonly scheduler: RetentionScheduler,
  ) {}

  static async start(options: StorageServiceOptions): Promise<StorageService> {
    const file = await RetentionSettingsFile.open(options.dataDir, options.log);
    const scheduler = new RetentionScheduler({ ...options.schedule, target: options.store, settings: file.settings, log: options.log });
    scheduler.start();
    return new StorageService(options, file, scheduler);
  }

  async describe(): Promise<StorageSettings> {
    return {
      retention: this.file.settings,
      log: await readEventLogFigures(this.options.store, this.options.eventLogFile),
      lastRun: this.scheduler.lastRun,
      settingsProblem: this.file.problem,
    };
  }

  /** Saved first, so limits that are applied are also the ones the next start reads. */
  async setRetention(retention: RetentionSettings): Promise<StorageSettings> {
    await this.file.save(retention);
    await this.scheduler.change(retention);
    return this.describe();
  }

  close(): Promise<void> {
    return this.scheduler.close();
  }
}
