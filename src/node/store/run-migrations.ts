import { closeSync, fchmodSync, fsyncSync, openSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';
import { PRIVATE_FILE_MODE } from './private-files';
import { StoreError } from './store-error';

/** What runMigrations did: the versions before and after, and the backup it kept (null when none was needed). */
export interface MigrationRun {
  readonly from: number;
  readonly to: number;
  readonly backupPath: string | null;
}

/** Where runMigrations will need to find things: the database's own path (for the backup) and the clock. */
export interface MigrationContext {
  readonly path: string;
  readonly migrations: readonly Migration[];
  readonly now: () => Date;
}

/** The newest schema version a migration list reaches (0 for an empty list). */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings `db` up to the newest version in `migrations`, each step in its own transaction together with its
 * `PRAGMA user_version`, so a failed step leaves the database exactly at the previous version.
 * An existing database (version > 0) is first copied to `<name>.backup-v<old>-<timestamp>.sqlite` beside it.
 * The list is a parameter so tests can run a made-up version 2 against a real version-1 database.
 */
export function runMigrations(db: Database, context: MigrationContext): MigrationRun {
  checkMigrationList(context.migrations);
  const supported = latestVersion(context.migrations);
  const from = userVersion(db);
  if (from > supported) throw new StoreError({ kind: 'newer-version', version: from, supported });
  if (from === supported) return { from, to: from, backupPath: null };

  const backupPath = from > 0 ? backUp(db, backupPathFor(context.path, from, context.now())) : null;
  for (const migration of context.migrations) {
    if (migration.version <= from) continue;
    // IMMEDIATE takes the write lock up front; the re-check covers another process that migrated meanwhile.
    db.transaction(() => {
      if (userVersion(db) >= migration.version) return;
      db.exec(migration.up);
      // PRAGMA takes no bound parameters; the version is a checked integer from this build's own list.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: userVersion(db), backupPath };
}

/** `<folder>/<name>.backup-v<old>-<timestamp>.sqlite` for a database at `<folder>/<name>.<ext>`. */
export function backupPathFor(path: string, oldVersion: number, at: Date): string {
  const name = basename(path, extname(path));
  // Colons and dots are not allowed or are confusing in file names on Windows; keep the ISO order for sorting.
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return join(dirname(path), `${name}.backup-v${oldVersion}-${stamp}.sqlite`);
}

/** The database's schema version as this store counts it. */
export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * VACUUM INTO rather than db.backup(): better-sqlite3's backup() is asynchronous and openStore is not, and
 * VACUUM INTO writes one consistent snapshot (WAL frames included) as a compact, self-contained file with no
 * -wal beside it. It refuses to overwrite an existing file, which is what we want for a backup.
 * SQLite does not fsync the result, so we do: the backup must be on disk before the migration may change
 * the original.
 */
function backUp(db: Database, backupPath: string): string {
  db.prepare('VACUUM INTO ?').run(backupPath);
  const fd = openSync(backupPath, 'r+');
  try {
    // SQLite creates it 0644; it holds the same private notes as the database (the folder is 0700 as well).
    if (process.platform !== 'win32') fchmodSync(fd, PRIVATE_FILE_MODE);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return backupPath;
}

/** A migration list must number its steps 1, 2, 3, ... in order; anything else is a programming error. */
function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (!Number.isSafeInteger(migration.version) || migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
