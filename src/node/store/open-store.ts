import { MIGRATIONS } from './migrations';
import { openDatabase } from './open-database';
import { Store } from './store';
import { StoreError } from './store-error';
import type { WalKeeperOptions } from './wal-keeper';

/** Options for openStore; `now` exists so tests can pin timestamps, `wal` to time and watch checkpoints. */
export interface OpenStoreOptions {
  now?: () => Date;
  wal?: WalKeeperOptions;
}

/**
 * Opens the store at `path`, creating it (and its folder) when missing and migrating it to this build's
 * schema (keeping a backup of an older one). Throws StoreError for a file it must not use: 'newer-version',
 * 'corrupt' (neither is ever written to), 'locked', 'disk-full', 'read-only' or 'not-a-file'. The folder and
 * files are private to the user (0700/0600), and committed data survives a deleted -wal (see wal-keeper.ts).
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const now = options.now ?? ((): Date => new Date());
  const db = openDatabase(path, { migrations: MIGRATIONS, now });
  try {
    return new Store(db, { path, now, ...(options.wal ? { wal: options.wal } : {}) });
  } catch (error) {
    db.close();
    // Preparing the statements failed on a database at our version: a table or column was removed by hand.
    throw new StoreError({ kind: 'corrupt', path }, { cause: error });
  }
}
