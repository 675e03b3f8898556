import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CourseFileError } from './course-file-error';
import { diskErrorCode, writeFully } from './disk-writes';
import { isProcessAlive } from './partial-files';

/** How long a rewrite waits for another one of the same file before it gives up and says so. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

const POLL_MS = 50;

/** The lock file of a course file: `.<name>.lock` beside it, holding the locking process's id. */
export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/**
 * Runs `action` holding the exclusive lock of `target`, so two rewrites of one file (two `passwords add` at
 * once) run one after the other instead of both reading the same header and the second dropping the first
 * one's slot. The lock is a file created with O_EXCL, which one process at a time wins, on every platform and
 * network share that honours O_EXCL. A lock whose process is gone (killed) is taken over; a live one is waited
 * for up to `waitMs`, then the rewrite is refused as `busy` with the lock's path.
 */
export async function withFileLock<T>(
  target: string,
  action: () => Promise<T>,
  waitMs: number = DEFAULT_LOCK_WAIT_MS,
): Promise<T> {
  const lockPath = lockPathFor(target);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const taken = await tryLock(target, lockPath);
    if (taken) break;
    if (Date.now() >= deadline) throw new CourseFileError({ kind: 'busy', path: target, lockPath });
    await sleep(POLL_MS);
  }
  try {
    return await action();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

/** One attempt: true when this process now holds the lock. */
async function tryLock(target: string, lockPath: string): Promise<boolean> {
  const refused = (error: unknown) =>
    new CourseFileError(
      { kind: 'write-failed', path: target, reason: diskErrorCode(error), outcome: 'unchanged' },
      { cause: error },
    );
  let handle: FileHandle | undefined;
  try {
    handle = await open(lockPath, 'wx', 0o600);
  } catch (error) {
    if (diskErrorCode(error) !== 'EEXIST') throw refused(error);
  }
  if (handle) {
    try {
      await writeFully(handle, Buffer.from(`${process.pid}\n`), 0);
      await handle.close();
      return true;
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(lockPath).catch(() => undefined);
      throw refused(error);
    }
  }
  // Held: take it over only if its process is gone. An empty lock file is being written right now.
  const text = await readFile(lockPath, 'utf8').catch(() => null);
  if (text === null || text.trim() === '') return false;
  if (!isProcessAlive(Number(text.trim()))) await unlink(lockPath).catch(() => undefined);
  return false;
}
