/** The local store's public surface: everything else in this folder is an implementation detail. */
export { openStore, type OpenStoreOptions } from './open-store';
export { Store } from './store';
export { StoreError, isStoreError, type StoreProblem } from './store-error';
export type { CourseFileEntry } from './course-files-table';
export type { NoteInput } from './notes-table';
export type { SavedSession, SessionSnapshot, SessionStart, SessionTiming } from './sessions-table';
export type { WalEvent, WalKeeperOptions } from './wal-keeper';
