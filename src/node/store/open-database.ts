import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Migration } from './migrations';
import { preparePrivateStore } from './private-files';
import { latestVersion, runMigrations, userVersion } from './run-migrations';
import { guardStore, StoreError, storeProblemOf } from './store-error';

/** How long a statement waits for another connection's lock before it fails as 'locked'. */
export const BUSY_TIMEOUT_MS = 5000;

/** What openDatabase needs besides the path: the schema steps to apply and the clock for backup names. */
export interface OpenDatabaseOptions {
  readonly migrations: readonly Migration[];
  readonly now: () => Date;
}

/**
 * Opens (or creates) the database at `path`, configured and migrated to the newest version in `migrations`.
 * The folder and files are made private to the user first (0700/0600, see private-files.ts), and a path that
 * is a folder or a special file is refused as 'not-a-file'. An existing file is then inspected through a
 * read-only connection, so a file this build must refuse (newer schema, corrupt, not ours) is never written
 * to: StoreError 'newer-version' or 'corrupt'.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): Database.Database {
  return guardStore(path, () => {
    preparePrivateStore(path);
    if (existsSync(path) && statSync(path).size > 0) inspectExisting(path, latestVersion(options.migrations));
    const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      configure(db);
      runMigrations(db, { path, migrations: options.migrations, now: options.now });
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  });
}

/**
 * Connection settings. synchronous = NORMAL is safe with WAL for our data: a commit is in the WAL (the OS's
 * cache) before it returns, so a crash of Plenum itself loses nothing, and a power cut can at worst lose the
 * last few commits (a second of note typing) but never corrupt the database, because WAL is only fsynced at
 * checkpoints, in order. FULL would fsync every autosave of every note for no gain a lecturer would notice.
 */
function configure(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  db.pragma('foreign_keys = ON');
  // Without WAL (a file system lacking shared memory) NORMAL may corrupt on power loss; fall back to FULL.
  db.pragma(mode === 'wal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
}

/** Refuses a file this build must not touch; reads only, and leaves the folder as it found it on refusal. */
function inspectExisting(path: string, supported: number): void {
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((sidecar) => !existsSync(sidecar));
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const version = userVersion(db);
    if (version > supported) throw new StoreError({ kind: 'newer-version', version, supported });
    const check = db.pragma('quick_check') as unknown[];
    if (check.length !== 1 || (check[0] as { quick_check?: unknown }).quick_check !== 'ok') {
      throw new StoreError({ kind: 'corrupt', path });
    }
    // Version 0 with tables in it is someone else's database: adding ours to it would be "silently" wrong.
    const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (version === 0 && objects > 0) throw new StoreError({ kind: 'corrupt', path });
  } catch (error) {
    db?.close();
    db = null;
    // A read-only connection to a WAL file creates empty -wal/-shm files; remove the ones we made.
    for (const sidecar of sidecars) rmSync(sidecar, { force: true });
    const problem = error instanceof StoreError ? null : storeProblemOf(error, path);
    throw problem === null ? error : new StoreError(problem, { cause: error });
  } finally {
    db?.close();
  }
}
