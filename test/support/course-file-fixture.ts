import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CourseFileWriter, type ScryptCost } from '../../src/node/course-file';

/** scrypt at N=2^10: about 1 ms, so tests can unlock hundreds of times; the format stores the cost per slot. */
export const CHEAP_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** A small chunk size so tests cross many chunk boundaries with little data. */
export const SMALL_CHUNK = 1024;

/** Writes a course file with the given entries and returns its path. */
export async function writeFixture(
  dir: string,
  entries: ReadonlyArray<readonly [string, Buffer]>,
  options: { name?: string; passwords?: string[]; chunkSize?: number; headerRegionSize?: number } = {},
): Promise<string> {
  const path = join(dir, options.name ?? 'fixture.plenum');
  const writer = await CourseFileWriter.create(path, {
    course: { id: 'test-course', title: 'Prøvekurs', language: 'nb' },
    passwords: options.passwords ?? ['riktig passord'],
    scrypt: CHEAP_SCRYPT,
    chunkSize: options.chunkSize ?? SMALL_CHUNK,
    headerRegionSize: options.headerRegionSize ?? 4096,
  });
  for (const [name, data] of entries) await writer.addEntry(name, data);
  await writer.finish();
  return path;
}

/** Entries of awkward sizes: empty, one byte, around the chunk size, and several chunks. */
export function awkwardEntries(chunk = SMALL_CHUNK): Array<[string, Buffer]> {
  return [
    ['empty.bin', Buffer.alloc(0)],
    ['one.bin', randomBytes(1)],
    ['below.bin', randomBytes(chunk - 1)],
    ['exact.bin', randomBytes(chunk)],
    ['above.bin', randomBytes(chunk + 1)],
    ['media/seg-00001.m4s', randomBytes(3 * chunk + 17)],
  ];
}
