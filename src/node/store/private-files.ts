import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError, storeProblemOf } from './store-error';

/** The store's folder: only its owner may list or enter it (notes marked private are in there). */
export const PRIVATE_DIR_MODE = 0o700;

/** The database, its -wal/-shm and its backups: only the owner may read or write them. */
export const PRIVATE_FILE_MODE = 0o600;

// chmod fails with these where nothing can be done about it from here: a file system without Unix modes (FAT on a
// USB stick answers EPERM), a read-only one, or a file owned by another account. The store still opens there;
// refusing would lock the lecturer out of their own notes over a mode that cannot be changed anyway.
const UNFIXABLE_CHMOD = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EROFS']);

/**
 * Makes the store's folder and files private before SQLite touches them: creates the folder as 0700 and an
 * empty database file as 0600 (SQLite gives -wal and -shm the database file's mode, so they follow), and
 * takes group and other access away from an existing folder, database, -wal, -shm and backups made by an
 * older build that created them 755/644. StoreError 'not-a-file' when the path, or a folder on the way to
 * it, is the wrong kind of thing (a folder where the database goes, a file where a folder goes).
 */
export function preparePrivateStore(path: string): void {
  const dir = dirname(path);
  const existingDir = statOrNull(dir);
  if (existingDir === null) {
    makeFolders(dir);
  } else if (!existingDir.isDirectory()) {
    throw new StoreError({ kind: 'not-a-file', path: dir });
  }
  restrictToOwner(dir, PRIVATE_DIR_MODE);

  const existing = statOrNull(path);
  if (existing !== null && !existing.isFile()) throw new StoreError({ kind: 'not-a-file', path });
  if (existing === null) {
    // 'a' creates with our mode and never truncates a file that appeared meanwhile; umask can only take more away.
    closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  }
  for (const file of ownFiles(path)) restrictToOwner(file, PRIVATE_FILE_MODE);
}

/**
 * Takes group and other permission bits away from `path` (following a symlink, as SQLite does), keeping the
 * owner's bits as they are, so a folder the owner made read-only stays read-only. No-op on Windows, where
 * modes are not how access is controlled, and for a path that does not exist.
 */
export function restrictToOwner(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  const stats = statOrNull(path);
  if (stats === null) return;
  const current = stats.mode & 0o777;
  const wanted = current & mode;
  if (wanted === current) return;
  try {
    chmodSync(path, wanted);
  } catch (error) {
    if (UNFIXABLE_CHMOD.has(errorCode(error) ?? '')) return;
    throw error;
  }
}

/**
 * `mkdir -p` with mode 0700 for every folder it makes, one level at a time. Not mkdirSync's `recursive`: in a
 * folder that refuses new entries with ENOENT (/proc, /sys) Node 20's recursive mkdir retries forever.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; statOrNull(at) === null; at = dirname(at)) {
    if (dirname(at) === at) break; // a root that does not exist: let mkdir say why
    missing.unshift(at);
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: PRIVATE_DIR_MODE });
    } catch (error) {
      // EEXIST/ENOTDIR: a file stands in the way. ENOSPC, EACCES, EROFS: the caller maps them.
      if (hasCode(error, 'ENOTDIR') || hasCode(error, 'EEXIST')) {
        throw new StoreError({ kind: 'not-a-file', path: folder }, { cause: error });
      }
      if (storeProblemOf(error, folder) !== null) throw error;
      // Anything else (ENOENT where the parent exists, as /proc answers) means no folder can be made here.
      throw new StoreError({ kind: 'read-only', path: folder }, { cause: error });
    }
  }
}

/** The database, its sidecars and its backups (`plenum.sqlite*`, `plenum.backup-v*`), as far as they exist. */
function ownFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  const stem = name.replace(/\.[^.]*$/, '');
  const files = [path, `${path}-wal`, `${path}-shm`];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(`${stem}.backup-v`)) files.push(join(dir, entry));
  }
  return files;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return null;
    // ENOTDIR: a file stands where a folder on the way should be.
    if (hasCode(error, 'ENOTDIR')) throw new StoreError({ kind: 'not-a-file', path }, { cause: error });
    throw error;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return errorCode(error) === code;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
