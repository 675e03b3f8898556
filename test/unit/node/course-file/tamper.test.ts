import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCourseBuffer, openCourseFile, unlockCourseFile } from '../../../../src/node/course-file';
import {
  decryptChunkAsync,
  encryptChunk,
  importChunkKey,
} from '../../../../src/node/course-file/chunk-cipher';
import { CHUNK_OVERHEAD, DIGEST_SIZE } from '../../../../src/node/course-file/format';
import { problemOf } from '../../../support/expect-problem';
import { SMALL_CHUNK, writeFixture } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const PASSWORD = 'riktig passord';
const RECORD = SMALL_CHUNK + CHUNK_OVERHEAD;
/** The fixtures' header region; format 2 keeps two copies of it, back to back. */
const REGION = 4096;

/**
 * Opens, unlocks and verifies bytes held in memory: the whole path a lecturer's app takes before trusting a
 * file, without a disk write per alteration (the file itself is not what these tests are about).
 */
async function openAndVerify(bytes: Buffer): Promise<void> {
  const file = await (await openCourseBuffer(bytes)).unlock(PASSWORD);
  try {
    await file.verify();
  } finally {
    await file.close();
  }
}

/** The bytes of a fixture and its unlocked layout (entry offsets). */
async function fixtureBytes(entries: ReadonlyArray<readonly [string, Buffer]>, name?: string) {
  const path = await writeFixture(tempDir(), entries, name ? { name } : {});
  const file = await unlockCourseFile(path, PASSWORD);
  const layout = new Map(file.entries().map((entry) => [entry.name, entry]));
  await file.close();
  return { path, bytes: readFileSync(path), offsetOf: (entry: string) => layout.get(entry)!.offset };
}

/** Rewrites one header copy's SHA-256, as someone editing the header on purpose would, so only the HMAC can tell. */
function resealChecksum(bytes: Buffer, copyStart: number): void {
  const shaAt = copyStart + REGION - 2 * DIGEST_SIZE;
  createHash('sha256').update(bytes.subarray(copyStart, shaAt)).digest().copy(bytes, shaAt);
}

describe('tampering is detected', () => {
  it('a flipped byte inside a chunk: damaged, naming the entry and the chunk', async () => {
    const { bytes, offsetOf } = await fixtureBytes([['media/seg.m4s', randomBytes(3 * SMALL_CHUNK)]]);
    const offset = offsetOf('media/seg.m4s');
    bytes[offset + RECORD + 100]! ^= 0x01;
    expect(await problemOf(openAndVerify(bytes))).toEqual({
      kind: 'damaged',
      where: { part: 'entry', entry: 'media/seg.m4s', chunk: 1, offset: offset + RECORD },
    });
  });

  it('two chunks of one entry swapped (reordered)', async () => {
    const { bytes, offsetOf } = await fixtureBytes([['a.bin', randomBytes(3 * SMALL_CHUNK)]]);
    const offset = offsetOf('a.bin');
    const first = Buffer.from(bytes.subarray(offset, offset + RECORD));
    bytes.copy(bytes, offset, offset + RECORD, offset + 2 * RECORD);
    first.copy(bytes, offset + RECORD);
    expect(await problemOf(openAndVerify(bytes))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 0 },
    });
  });

  it('chunks swapped between two entries', async () => {
    const { bytes, offsetOf } = await fixtureBytes([
      ['a.bin', randomBytes(SMALL_CHUNK)],
      ['b.bin', randomBytes(SMALL_CHUNK)],
    ]);
    const a = offsetOf('a.bin');
    const b = offsetOf('b.bin');
    const recordA = Buffer.from(bytes.subarray(a, a + RECORD));
    bytes.copy(bytes, a, b, b + RECORD);
    recordA.copy(bytes, b);
    expect(await problemOf(openAndVerify(bytes))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 0 },
    });
  });

  it('a chunk moved in from another course file with the same password and layout', async () => {
    const data = randomBytes(2 * SMALL_CHUNK);
    const victim = await fixtureBytes([['a.bin', data]], 'victim.plenum');
    const donor = await fixtureBytes([['a.bin', data]], 'donor.plenum');
    const offset = victim.offsetOf('a.bin');
    donor.bytes.copy(victim.bytes, offset + RECORD, offset + RECORD, offset + 2 * RECORD);
    expect(await problemOf(openAndVerify(victim.bytes))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 1 },
    });
  });

  it('a chunk cut out and spliced in at the end (same file size)', async () => {
    const { bytes, offsetOf } = await fixtureBytes([['a.bin', randomBytes(4 * SMALL_CHUNK)]]);
    const offset = offsetOf('a.bin');
    const cut = bytes.subarray(offset + RECORD, offset + 2 * RECORD);
    const spliced = Buffer.concat([
      bytes.subarray(0, offset + RECORD),
      bytes.subarray(offset + 2 * RECORD),
      cut,
    ]);
    expect(await problemOf(openAndVerify(spliced))).toMatchObject({ kind: 'damaged' });
  });

  it('a truncated file says "truncated", wherever it is cut (on disk: the file length is the point)', async () => {
    const { path, bytes } = await fixtureBytes([['a.bin', randomBytes(2 * SMALL_CHUNK)]]);
    for (const keep of [
      bytes.length - 1,
      bytes.length - RECORD,
      2 * REGION + 10,
      2 * REGION - 1,
      5000,
      4095,
      100,
      19,
    ]) {
      writeFileSync(path, bytes.subarray(0, keep));
      expect(await problemOf(openCourseFile(path))).toMatchObject({ kind: 'truncated', actualBytes: keep });
    }
  });

  it('bytes appended after the end', async () => {
    const { bytes } = await fixtureBytes([['a.bin', randomBytes(10)]]);
    expect(await problemOf(openCourseBuffer(Buffer.concat([bytes, Buffer.from('extra')])))).toEqual({
      kind: 'damaged',
      where: { part: 'layout' },
    });
  });

  it('an edited header is detected without a password (checksum) and, edited with care, after unlock (HMAC)', async () => {
    const { bytes: original } = await fixtureBytes([['a.bin', randomBytes(10)]]);
    const titleAt = original.indexOf(Buffer.from('Prøvekurs'));
    expect(titleAt).toBeGreaterThan(0);
    expect(titleAt).toBeLessThan(REGION);
    const edit = (bytes: Buffer, copies: number[], careful: boolean) => {
      for (const copy of copies) {
        bytes[copy * REGION + titleAt] = 'Q'.charCodeAt(0);
        if (careful) resealChecksum(bytes, copy * REGION);
      }
      return bytes;
    };

    const careless = edit(Buffer.from(original), [0, 1], false);
    expect(await problemOf(openCourseBuffer(careless))).toEqual({
      kind: 'damaged',
      where: { part: 'header' },
    });

    const careful = edit(Buffer.from(original), [0, 1], true);
    const locked = await openCourseBuffer(careful);
    expect(locked.header.course.title).toBe('Qrøvekurs');
    expect(await problemOf(locked.unlock(PASSWORD))).toEqual({ kind: 'damaged', where: { part: 'header' } });
    await locked.close();

    // One copy edited with care: the unlock trusts only what authenticates, the other (untouched) copy.
    const oneCopy = await openCourseBuffer(edit(Buffer.from(original), [0], true));
    const unlocked = await oneCopy.unlock(PASSWORD);
    expect(unlocked.header.course.title).toBe('Prøvekurs');
    await unlocked.close();
  });

  it('not a course file: empty, text, random bytes', async () => {
    const dir = tempDir();
    for (const content of [
      Buffer.alloc(0),
      Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhei\n'),
      randomBytes(70000),
    ]) {
      expect(await problemOf(openCourseBuffer(content))).toEqual({ kind: 'not-a-course-file' });
    }
    expect(await problemOf(openCourseFile(join(dir, 'missing.plenum')))).toEqual({
      kind: 'not-found',
      path: join(dir, 'missing.plenum'),
    });
  });

  it('a file from a newer version says so', async () => {
    const { bytes } = await fixtureBytes([['a.bin', randomBytes(10)]]);
    bytes.writeUInt16BE(3, 8);
    expect(await problemOf(openCourseBuffer(bytes))).toEqual({ kind: 'newer-version', version: 3 });
  });

  it('every single flipped bit in the data is refused; in the header, one torn copy is survived, both are refused', async () => {
    const { bytes } = await fixtureBytes([
      ['manifest.json', Buffer.from('{"id":"x"}')],
      ['media/seg.m4s', randomBytes(SMALL_CHUNK + 200)],
    ]);
    const original = Buffer.from(bytes);
    const opens = (altered: Buffer) =>
      openAndVerify(altered).then(
        () => true,
        () => false,
      );

    // The entries: one unlock, then each byte flipped in the live buffer and every chunk authenticated. The
    // index (entry 0, at the end) is authenticated when a file is unlocked, so there each flip is a new unlock.
    const file = await (await openCourseBuffer(bytes)).unlock(PASSWORD);
    const indexAt = file.header.index.offset;
    const accepted: number[] = [];
    for (let at = 2 * REGION; at < bytes.length; at++) {
      bytes[at]! ^= 1 << (at % 8);
      const verified = at < indexAt ? file.verify() : openAndVerify(bytes);
      if (
        await verified.then(
          () => true,
          () => false,
        )
      )
        accepted.push(at);
      bytes[at]! ^= 1 << (at % 8);
    }
    await file.close();
    expect(accepted).toEqual([]);
    expect(bytes.equals(original)).toBe(true);

    // The header (mostly zero padding): every 7th byte. Flipped in one copy, the other copy opens the file
    // (except in copy A's first 16 bytes, which locate both copies and never change); flipped in both, refused.
    const survivedBoth: number[] = [];
    const refusedOne: number[] = [];
    for (let at = 0; at < REGION; at += 7) {
      const bit = 1 << (at % 8);
      for (const copy of at < 16 ? [1] : [0, 1]) {
        const one = Buffer.from(original);
        one[copy * REGION + at]! ^= bit;
        if (!(await opens(one))) refusedOne.push(copy * REGION + at);
      }
      const both = Buffer.from(original);
      both[at]! ^= bit;
      both[REGION + at]! ^= bit;
      if (await opens(both)) survivedBoth.push(at);
    }
    expect(survivedBoth).toEqual([]);
    expect(refusedOne).toEqual([]);
  });
});

describe('each chunk is bound to its place', () => {
  const key = randomBytes(32);
  const place = { fileId: randomBytes(16), entryId: 3, chunkIndex: 7, last: false };
  const record = encryptChunk(key, place, Buffer.from('segment bytes'));

  it('decrypts in its own place', async () => {
    expect((await decryptChunkAsync(await importChunkKey(key), place, record))?.toString()).toBe(
      'segment bytes',
    );
  });

  it.each([
    ['another file', { ...place, fileId: randomBytes(16) }],
    ['another entry', { ...place, entryId: 4 }],
    ['another position', { ...place, chunkIndex: 6 }],
    ['marked last (a truncated entry)', { ...place, last: true }],
  ])('fails in %s', async (_label, elsewhere) => {
    expect(await decryptChunkAsync(await importChunkKey(key), elsewhere, record)).toBeNull();
  });
});
