import type { FileHandle } from 'node:fs/promises';
import { syncDirectory } from './sync-directory';

/**
 * The two disk operations a course-file write makes. Tests pass their own to tear a write where a power cut
 * would, to make it short, or to fail an fsync; everything else uses `realDiskWrites`.
 */
export interface DiskWrites {
  /** Writes `bytes` at `position`; returns how many were written, which may be fewer (a short write). */
  write(handle: FileHandle, bytes: Buffer, position: number): Promise<number>;
  /** Flushes the file to the disk (fsync). */
  sync(handle: FileHandle): Promise<void>;
  /** Flushes a directory after a rename; the real one when left out. */
  syncDirectory?(path: string): Promise<void>;
}

/** The disk itself. */
export const realDiskWrites: DiskWrites = {
  write: async (handle, bytes, position) =>
    (await handle.write(bytes, 0, bytes.length, position)).bytesWritten,
  sync: (handle) => handle.sync(),
  syncDirectory,
};

/** Flushes a directory with `disk`'s own flush, or the real one. */
export function flushDirectory(disk: DiskWrites, path: string): Promise<void> {
  return (disk.syncDirectory ?? syncDirectory)(path);
}

/**
 * Writes all of `bytes` at `position`, going on after short writes (a file-size limit, a nearly full disk, a
 * signal) until every byte is written or the disk refuses with an error. A write that makes no progress is an
 * error too, so this never loops and never returns with bytes missing.
 */
export async function writeFully(
  handle: FileHandle,
  bytes: Buffer,
  position: number,
  disk: DiskWrites = realDiskWrites,
): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const count = await disk.write(handle, bytes.subarray(written), position + written);
    if (!(count > 0)) throw Object.assign(new Error('write made no progress'), { code: 'short write' });
    written += count;
  }
}

/** The errno code of a failed disk operation, for the message ("ENOSPC", "EIO"), or "unknown". */
export function diskErrorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
