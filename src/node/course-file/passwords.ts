import { constants } from 'node:fs';
import { copyFile, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CourseFileError } from './course-file-error';
import { diskErrorCode, flushDirectory, realDiskWrites, writeFully, type DiskWrites } from './disk-writes';
import { openCourseHandle, readHeader, type ReadHeaders } from './file-access';
import { DEFAULT_LOCK_WAIT_MS, withFileLock } from './file-lock';
import { MAX_KEY_SLOTS, type CourseFileHeader, type KeySlot } from './format';
import { encodeHeaderRegion } from './header-codec';
import { createKeySlot, DEFAULT_SCRYPT_COST, unlockAnySlot, type ScryptCost } from './key-slots';
import { partialPathFor, removeStalePartials } from './partial-files';
import { unlockHeader } from './unlock-header';

/** Which slot to remove: the one a password opens, or one named by id (authorised by any valid password). */
export type SlotSelector = { by: 'password'; password: string } | { by: 'id'; id: string };

/** How a header rewrite runs; tests lower the cost, replace the disk, or shorten the wait for a lock. */
export interface RewriteOptions {
  /** scrypt cost of a new slot (`addPassword` only). */
  cost?: ScryptCost;
  disk?: DiskWrites;
  lockWaitMs?: number;
}

/** A key slot as `inspect` and `passwords list` show it: no secret material. */
export interface SlotSummary {
  id: string;
  createdAt: string;
  kdf: string;
}

/** Summarises the header's key slots for display. */
export function summariseSlots(slots: readonly KeySlot[]): SlotSummary[] {
  return slots.map((slot) => ({
    id: slot.id,
    createdAt: slot.createdAt,
    kdf: `scrypt N=2^${Math.log2(slot.kdf.N)} r=${slot.kdf.r} p=${slot.kdf.p}`,
  }));
}

/**
 * Adds a password: a new key slot wrapping the same content key. Only the header is rewritten (see
 * `rewriteHeader` for how that survives a failing disk or a power cut); the encrypted content is not touched.
 */
export async function addPassword(
  path: string,
  currentPassword: string,
  newPassword: string,
  options: RewriteOptions = {},
): Promise<SlotSummary> {
  return rewriteHeader(path, currentPassword, options, async (header, contentKey, fileId) => {
    if (header.slots.length >= MAX_KEY_SLOTS) {
      throw new CourseFileError({ kind: 'too-many-passwords', max: MAX_KEY_SLOTS });
    }
    const slot = await createKeySlot(newPassword, contentKey, fileId, options.cost ?? DEFAULT_SCRYPT_COST);
    return { header: { ...header, slots: [...header.slots, slot] }, result: summariseSlots([slot])[0]! };
  });
}

/** Removes one key slot; refuses to remove the last, which would lock everyone out for good. */
export async function removePassword(
  path: string,
  authorisingPassword: string,
  which: SlotSelector,
  options: RewriteOptions = {},
): Promise<SlotSummary> {
  return rewriteHeader(path, authorisingPassword, options, async (header, _contentKey, fileId) => {
    let targetId = which.by === 'id' ? which.id : '';
    if (which.by === 'password') {
      const opened = await unlockAnySlot(which.password, header.slots, fileId);
      if (!opened) throw new CourseFileError({ kind: 'wrong-password' });
      targetId = opened.slot.id;
    }
    const removed = header.slots.find((slot) => slot.id === targetId);
    if (!removed) throw new CourseFileError({ kind: 'wrong-password' });
    if (header.slots.length === 1) throw new CourseFileError({ kind: 'last-password' });
    const slots = header.slots.filter((slot) => slot.id !== targetId);
    return { header: { ...header, slots }, result: summariseSlots([removed])[0]! };
  });
}

type HeaderChange<T> = (
  header: CourseFileHeader,
  contentKey: Buffer,
  fileId: Buffer,
) => Promise<{ header: CourseFileHeader; result: T }>;

/**
 * Unlocks the header with `password`, lets `change` produce a new header, and writes it, holding the file's
 * lock throughout (two rewrites at once would each drop the other's change). Every write is checked; when any
 * write or fsync fails, what was written is put back and `write-failed` says whether that worked.
 *
 * Format 2 keeps two header copies, and at no moment are both being written: the copy that is not current is
 * written and flushed first, then the current one, each with a higher generation. A power cut at any byte
 * leaves at least one intact copy, the old header or the new. Format 1 (one copy) is rewritten beside the file
 * and renamed over it instead, which costs a copy of the file but is just as safe.
 */
async function rewriteHeader<T>(
  path: string,
  password: string,
  options: RewriteOptions,
  change: HeaderChange<T>,
): Promise<T> {
  const disk = options.disk ?? realDiskWrites;
  // Named before the lock is taken, so a wrong path says "not found" (not that a lock file beside it could not
  // be made). The file is opened again under the lock: only what is read while holding it counts.
  await (await openCourseHandle(path, 'r+')).close();
  return withFileLock(
    path,
    async () => {
      const handle = await openCourseHandle(path, 'r+');
      let plan: { headers: ReadHeaders; sourcePosition: number; region: Buffer; result: T };
      try {
        plan = await planRewrite(path, handle, password, change);
        if (plan.headers.version >= 2) {
          await rewriteCopiesInPlace(path, handle, plan.headers, plan.sourcePosition, plan.region, disk);
          return plan.result;
        }
      } finally {
        // Every write was flushed (or undone) before this: a failing close changes nothing on disk.
        await handle.close().catch(() => undefined);
      }
      await replaceBeside(path, plan.region, disk);
      return plan.result;
    },
    options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
  );
}

/** Reads and unlocks the header and encodes the changed one; writes nothing. */
async function planRewrite<T>(
  path: string,
  handle: FileHandle,
  password: string,
  change: HeaderChange<T>,
): Promise<{ headers: ReadHeaders; sourcePosition: number; region: Buffer; result: T }> {
  let headers: ReadHeaders;
  let size: number;
  try {
    size = (await handle.stat()).size;
    headers = await readHeader(handle, size);
  } catch (error) {
    if (error instanceof CourseFileError) throw error;
    throw new CourseFileError({ kind: 'unreadable', path, reason: diskErrorCode(error) }, { cause: error });
  }
  const opened = await unlockHeader(password, headers.intact);
  const current = opened.copy.header;
  // Never rewrite the header of a file that is already cut short or has bytes added: refuse as a reader would.
  if (size < current.fileSize) {
    throw new CourseFileError({ kind: 'truncated', expectedBytes: current.fileSize, actualBytes: size });
  }
  if (size > current.fileSize) throw new CourseFileError({ kind: 'damaged', where: { part: 'layout' } });
  const { header, result } = await change(current, opened.contentKey, opened.fileId);
  const next: CourseFileHeader =
    headers.version >= 2 ? { ...header, generation: (current.generation ?? 0) + 1 } : header;
  let region: Buffer;
  try {
    region = encodeHeaderRegion(next, opened.keys.headerMac, headers.regionSize);
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new CourseFileError({ kind: 'too-many-passwords', max: current.slots.length }, { cause });
    }
    throw cause;
  }
  return { headers, sourcePosition: opened.copy.position, region, result };
}

/**
 * Writes `region` over both header copies, the one that was not read first, flushing after each. On any
 * failure the copies written so far are put back to their old bytes, the last one first, so the intact copy
 * the undo relies on is never the one being written.
 */
async function rewriteCopiesInPlace(
  path: string,
  handle: FileHandle,
  headers: ReadHeaders,
  sourcePosition: number,
  region: Buffer,
  disk: DiskWrites,
): Promise<void> {
  const positions = headers.regions.map((_, copy) => copy * headers.regionSize);
  const order = [...positions.filter((position) => position !== sourcePosition), sourcePosition];
  const touched: number[] = [];
  let firstComplete = false;
  try {
    for (const position of order) {
      touched.push(position);
      await writeFully(handle, region, position, disk);
      firstComplete = true;
      await disk.sync(handle);
    }
  } catch (cause) {
    let undone = true;
    for (const position of touched.reverse()) {
      try {
        await writeFully(handle, headers.regions[position / headers.regionSize]!, position, disk);
        await disk.sync(handle);
      } catch {
        undone = false;
        break;
      }
    }
    // Torn before the first copy was whole, the untouched current copy still opens as before, undo or not.
    const outcome = undone || !firstComplete ? 'unchanged' : 'unknown';
    throw new CourseFileError(
      { kind: 'write-failed', path, reason: diskErrorCode(cause), outcome },
      { cause },
    );
  }
}

/**
 * Format 1: copies the file beside itself, writes the new header into the copy, flushes it and renames it
 * over the original. Until the rename the original is untouched; the rename is atomic.
 */
async function replaceBeside(path: string, region: Buffer, disk: DiskWrites): Promise<void> {
  await removeStalePartials(path);
  const partial = partialPathFor(path);
  try {
    // A reflink where the file system can (no second copy of the film on disk), else a plain copy.
    await copyFile(path, partial, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    const handle = await open(partial, 'r+');
    try {
      await writeFully(handle, region, 0, disk);
      await disk.sync(handle);
    } finally {
      await handle.close();
    }
    await rename(partial, path);
  } catch (cause) {
    await unlink(partial).catch(() => undefined);
    throw new CourseFileError(
      { kind: 'write-failed', path, reason: diskErrorCode(cause), outcome: 'unchanged' },
      { cause },
    );
  }
  try {
    await flushDirectory(disk, dirname(path));
  } catch (cause) {
    // Renamed, but the directory is not known to be on disk: a power cut now could bring the old file back.
    throw new CourseFileError(
      { kind: 'write-failed', path, reason: diskErrorCode(cause), outcome: 'unknown' },
      { cause },
    );
  }
}
