export { EventStore, type EventStoreOptions, type NewEvent, type RetentionPolicy } from './event-store';
export { MAX_PAGE_SIZE } from './page';

/** What the build names writer.worker.ts (electron.vite.config.ts), next to every app entry point. */
export const STORE_WRITER_ENTRY = 'store-writer.js';
