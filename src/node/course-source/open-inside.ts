import { constants } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { errorCode, isInside, resolveCourseFile, type CourseFileProblem } from './course-paths';

/** A file of the course folder opened for reading, proven to be a regular file inside the folder. */
export interface OpenedCourseFile {
  /** Relative to the course folder with '/', e.g. 'subs/nb.vtt'. */
  entry: string;
  /** The real absolute path it had when opened (for messages; read through `handle`, never this path). */
  path: string;
  handle: FileHandle;
  /** Its size when opened. */
  size: number;
}

/** Why a referenced file cannot be opened or read. */
export type OpenProblem = { problem: CourseFileProblem; reason: string };

/** A file read whole, or why it could not be (`file-too-large` carries its size in bytes). */
export type ReadInsideResult =
  | { ok: true; entry: string; data: Buffer }
  | ({ ok: false } & OpenProblem)
  | { ok: false; problem: 'file-too-large'; reason: string; size: number };

// O_NOFOLLOW: a symlink swapped in for the last component after the path was checked is refused (ELOOP).
// O_NONBLOCK: a FIFO swapped in cannot block the open (and is then refused by fstat).
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Opens a file named in a course once, so that what was checked is what is read: the reference is resolved
 * inside the folder (resolveCourseFile), opened without following a symlink in its last component, and the
 * opened file itself is then checked to be a regular file that still lies inside the folder (on Linux through
 * /proc/self/fd, which names the file the kernel really opened; elsewhere by resolving the path again and
 * comparing device and inode). A swap of a folder or file for a symlink between check and read is refused as
 * `file-changed`. The caller reads through the handle and must close it.
 */
export async function openInside(
  root: string,
  reference: string,
): Promise<({ ok: true } & OpenedCourseFile) | ({ ok: false } & OpenProblem)> {
  const resolved = await resolveCourseFile(root, reference);
  if (!resolved.ok) {
    return resolved;
  }
  let handle: FileHandle;
  try {
    handle = await open(resolved.path, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    return {
      ok: false,
      problem: code === 'ELOOP' || code === 'ENOENT' ? 'file-changed' : 'file-unreadable',
      reason: code,
    };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return { ok: false, problem: 'not-a-file', reason: '' };
    }
    if (!(await isStillInside(root, resolved.path, handle, info))) {
      await handle.close();
      return { ok: false, problem: 'file-changed', reason: '' };
    }
    return { ok: true, entry: resolved.entry, path: resolved.path, handle, size: info.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    return { ok: false, problem: 'file-unreadable', reason: errorCode(error) };
  }
}

/**
 * Reads a whole file named in a course through {@link openInside}, refusing it (`file-too-large`) when it is
 * larger than `maxBytes`: judged by its size when opened and again while reading, so a file that grows is
 * never read past the limit.
 */
export async function readInside(
  root: string,
  reference: string,
  maxBytes: number,
): Promise<ReadInsideResult> {
  const opened = await openInside(root, reference);
  if (!opened.ok) {
    return opened;
  }
  const { handle, entry, size } = opened;
  try {
    if (size > maxBytes) {
      return { ok: false, problem: 'file-too-large', reason: '', size };
    }
    const data = await readBounded(handle, maxBytes);
    return data === undefined
      ? { ok: false, problem: 'file-too-large', reason: '', size: maxBytes + 1 }
      : { ok: true, entry, data };
  } catch (error) {
    return { ok: false, problem: 'file-unreadable', reason: errorCode(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * A path that external tools (ffprobe, ffmpeg) can open to read exactly the file behind `handle`, even if the
 * path it was opened by has since been swapped: on Linux the handle's own /proc entry; elsewhere the checked
 * real path (the check then cannot be kept through the tool's own open).
 */
export function toolPathFor(opened: OpenedCourseFile): string {
  return process.platform === 'linux' ? `/proc/${process.pid}/fd/${opened.handle.fd}` : opened.path;
}

/** Reads from the start to the end of the file, or undefined as soon as more than `maxBytes` arrive. */
async function readBounded(handle: FileHandle, maxBytes: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
    if (bytesRead === 0) {
      return Buffer.concat(parts, total);
    }
    parts.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      return undefined;
    }
  }
}

/** Whether the file behind `handle` is still the one at `realPath`, inside `root` (see {@link openInside}). */
async function isStillInside(
  root: string,
  realPath: string,
  handle: FileHandle,
  info: { dev: number; ino: number },
): Promise<boolean> {
  if (process.platform === 'linux') {
    try {
      return isInside(root, await readlink(`/proc/self/fd/${handle.fd}`));
    } catch {
      // No /proc (a container without it): fall through to the portable check.
    }
  }
  try {
    const [again, now] = await Promise.all([realpath(realPath), stat(realPath)]);
    return again === realPath && now.dev === info.dev && now.ino === info.ino;
  } catch {
    return false;
  }
}
