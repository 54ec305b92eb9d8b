export { EventStore, type EventStoreOptions, type NewEvent, type RetentionPolicy } from './event-store';
export { MAX_PAGE_SIZE } from './page';
