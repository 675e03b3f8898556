import { open, type FileHandle } from 'node:fs/promises';
import { CourseFileError } from './course-file-error';
import { PREAMBLE_SIZE, type CourseFileHeader } from './format';
import { decodeHeaderRegion, decodePreamble } from './header-codec';

/** Opens a course file ('r' to read, 'r+' to rewrite its header), naming a missing or unreadable file. */
export async function openCourseHandle(path: string, flags: 'r' | 'r+'): Promise<FileHandle> {
  try {
    return await open(path, flags);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new CourseFileError(
      code === 'ENOENT'
        ? { kind: 'not-found', path }
        : { kind: 'unreadable', path, reason: code ?? 'unknown' },
      { cause },
    );
  }
}

/**
 * Reads and checks the header region (no password needed): the preamble first, so a file that is not a course
 * file or is from a newer version says so before anything else is read, then the whole region.
 */
export async function readHeader(
  handle: FileHandle,
  size: number,
): Promise<{ header: CourseFileHeader; region: Buffer }> {
  const start = Buffer.alloc(Math.min(size, PREAMBLE_SIZE));
  await readExactly(handle, start, 0);
  const preamble = decodePreamble(start);
  if (size < preamble.regionSize) {
    throw new CourseFileError({ kind: 'truncated', expectedBytes: preamble.regionSize, actualBytes: size });
  }
  const region = Buffer.alloc(preamble.regionSize);
  await readExactly(handle, region, 0);
  return { header: decodeHeaderRegion(region), region };
}

/** Reads until `buffer` is full or the file ends; returns the bytes read. */
export async function readExactly(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
