import { MIGRATIONS } from './migrations';
import { openDatabase } from './open-database';
import { Store } from './store';
import { StoreError } from './store-error';

/** Options for openStore; `now` exists so tests can pin timestamps. */
export interface OpenStoreOptions {
  now?: () => Date;
}

/**
 * Opens the store at `path`, creating it (and its folder) when missing and migrating it to this build's
 * schema (keeping a backup of an older one). Throws StoreError for a file it must not use: 'newer-version',
 * 'corrupt' (neither is ever written to), 'locked', 'disk-full' or 'read-only'.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const now = options.now ?? ((): Date => new Date());
  const db = openDatabase(path, { migrations: MIGRATIONS, now });
  try {
    return new Store(db, { path, now });
  } catch (error) {
    db.close();
    // Preparing the statements failed on a database at our version: a table or column was removed by hand.
    throw new StoreError({ kind: 'corrupt', path }, { cause: error });
  }
}
