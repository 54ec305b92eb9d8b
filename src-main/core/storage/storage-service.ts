import type { LogTrimmed, RetentionSettings, StorageSettings } from '../api';
import { readEventLogFigures, type FigureSource } from './log-figures';
import { readLogFloor, type FloorSource } from './log-floor';
import { RetentionSettingsFile } from './retention-file';
import { RetentionScheduler, type RetentionScheduleOptions, type RetentionTarget } from './retention-scheduler';

export interface StorageServiceOptions {
  dataDir: string;
  store: RetentionTarget & FigureSource & FloorSource;
  /** The store's SQLite file: its size, with its write-ahead log, is the size on disk. */
  eventLogFile: string;
  log: (line: string) => void;
  /** After every pass that deleted events, with where the log now starts. */
  onTrimmed?: (trimmed: LogTrimmed) => void;
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
    const scheduler = new RetentionScheduler({
      ...options.schedule,
      target: options.store,
      settings: file.settings,
      log: options.log,
      onDeleted: () => options.onTrimmed?.(readLogFloor(options.store)),
    });
    scheduler.start();
    return new StorageService(options, file, scheduler);
  }

  async describe(): Promise<StorageSettings> {
    // Taken before the figures are awaited: a scheduled pass ending meanwhile would otherwise
    // stand in for the pass a change just asked for (and report its "nothing deleted").
    const lastRun = this.scheduler.lastRun;
    return {
      retention: this.file.settings,
      log: await readEventLogFigures(this.options.store, this.options.eventLogFile),
      lastRun,
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
