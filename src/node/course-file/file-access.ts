import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CourseFileError } from './course-file-error';
import { PREAMBLE_SIZE, headerCopies, type CourseFileHeader } from './format';
import { decodeHeaderRegion, locateHeader } from './header-codec';

/**
 * Opens a course file ('r' to read, 'r+' to rewrite its header), naming a missing or unreadable file, and
 * refuses anything but a regular file. The open is non-blocking and the type is checked on the descriptor
 * (fstat), not on the name: opening a FIFO for reading blocks until a writer appears, and every such wait holds
 * one of libuv's four threads, so a few FIFOs stopped every file read of the process.
 */
export async function openCourseHandle(path: string, flags: 'r' | 'r+'): Promise<FileHandle> {
  // O_NONBLOCK does nothing to reads of regular files; Windows has no FIFOs to open and no such flag.
  const mode = (flags === 'r' ? constants.O_RDONLY : constants.O_RDWR) | (constants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(path, mode);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new CourseFileError(
      code === 'ENOENT'
        ? { kind: 'not-found', path }
        : { kind: 'unreadable', path, reason: code ?? 'unknown' },
      { cause },
    );
  }
  try {
    if (!(await handle.stat()).isFile()) throw new CourseFileError({ kind: 'not-a-file', path });
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * What the reader needs of an open course file. A FileHandle is one; so is a buffer in memory, which lets
 * tests and the fuzzer alter bytes and read them again without a disk write per alteration.
 */
export interface CourseBytes {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number; dev: number; ino: number }>;
  close(): Promise<void>;
}

/** A course file held in memory (the buffer is read live: changes to it are seen by later reads). */
export function bufferBytes(bytes: Buffer): CourseBytes {
  return {
    read: async (buffer, offset, length, position) => {
      const end = Math.min(bytes.length, position + length);
      const count = Math.max(0, end - position);
      bytes.copy(buffer, offset, position, position + count);
      return { bytesRead: count };
    },
    stat: async () => ({ size: bytes.length, dev: 0, ino: 0 }),
    close: async () => undefined,
  };
}

/** One intact copy of the header region: where it is, its bytes, and what it says. */
export interface HeaderCopy {
  position: number;
  region: Buffer;
  header: CourseFileHeader;
}

/** A file's header as read: every copy's bytes as found, and the intact copies, the current one first. */
export interface ReadHeaders {
  version: number;
  regionSize: number;
  /** Every copy's bytes by position, intact or not (a failed rewrite puts these back). */
  regions: readonly Buffer[];
  /** The copies whose checksum and fields hold, the highest generation first (the first copy on a tie). */
  intact: readonly HeaderCopy[];
}

/**
 * Reads and checks the header copies (no password needed): the preamble first, so a file that is not a course
 * file or is from a newer version says so before anything else is read, then every copy. Format 1 has one copy;
 * format 2 two, and a copy torn by a power cut is simply not intact: the other one is used. When no copy is
 * intact, the first copy's problem is reported.
 */
export async function readHeader(handle: CourseBytes, size: number): Promise<ReadHeaders> {
  const start = Buffer.alloc(Math.min(size, PREAMBLE_SIZE));
  await readExactly(handle, start, 0);
  const { version, regionSize } = locateHeader(start);
  const copies = headerCopies(version);
  if (size < regionSize * copies) {
    throw new CourseFileError({ kind: 'truncated', expectedBytes: regionSize * copies, actualBytes: size });
  }
  const regions: Buffer[] = [];
  const intact: HeaderCopy[] = [];
  let firstProblem: CourseFileError | undefined;
  for (let copy = 0; copy < copies; copy++) {
    const region = Buffer.alloc(regionSize);
    await readExactly(handle, region, copy * regionSize);
    regions.push(region);
    try {
      intact.push({ position: copy * regionSize, region, header: decodeHeaderRegion(region) });
    } catch (error) {
      if (!(error instanceof CourseFileError)) throw error;
      firstProblem ??= error;
    }
  }
  if (intact.length === 0)
    throw firstProblem ?? new CourseFileError({ kind: 'damaged', where: { part: 'header' } });
  // Stable sort: equal generations keep file order.
  intact.sort((a, b) => (b.header.generation ?? 0) - (a.header.generation ?? 0));
  return { version, regionSize, regions, intact };
}

/** Reads until `buffer` is full or the file ends; returns the bytes read. */
export async function readExactly(handle: CourseBytes, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
