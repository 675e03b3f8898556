import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCourseFile, unlockCourseFile, type UnlockedCourseFile } from '../../../../src/node/course-file';
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

/** Opens, unlocks and verifies: the whole path a lecturer's app takes before trusting a file. */
async function openAndVerify(path: string): Promise<void> {
  const file = await unlockCourseFile(path, PASSWORD);
  try {
    await file.verify();
  } finally {
    await file.close();
  }
}

async function layoutOf(path: string): Promise<UnlockedCourseFile> {
  return unlockCourseFile(path, PASSWORD);
}

/** Rewrites the header's SHA-256, as someone editing the header on purpose would, so only the HMAC can tell. */
function resealChecksum(bytes: Buffer, regionSize: number): void {
  const shaAt = regionSize - 2 * DIGEST_SIZE;
  createHash('sha256').update(bytes.subarray(0, shaAt)).digest().copy(bytes, shaAt);
}

describe('tampering is detected', () => {
  it('a flipped byte inside a chunk: damaged, naming the entry and the chunk', async () => {
    const path = await writeFixture(tempDir(), [['media/seg.m4s', randomBytes(3 * SMALL_CHUNK)]]);
    const file = await layoutOf(path);
    const entry = file.entry('media/seg.m4s');
    await file.close();
    const bytes = readFileSync(path);
    bytes[entry.offset + RECORD + 100]! ^= 0x01;
    writeFileSync(path, bytes);
    expect(await problemOf(openAndVerify(path))).toEqual({
      kind: 'damaged',
      where: { part: 'entry', entry: 'media/seg.m4s', chunk: 1, offset: entry.offset + RECORD },
    });
  });

  it('two chunks of one entry swapped (reordered)', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(3 * SMALL_CHUNK)]]);
    const file = await layoutOf(path);
    const { offset } = file.entry('a.bin');
    await file.close();
    const bytes = readFileSync(path);
    const first = Buffer.from(bytes.subarray(offset, offset + RECORD));
    bytes.copy(bytes, offset, offset + RECORD, offset + 2 * RECORD);
    first.copy(bytes, offset + RECORD);
    writeFileSync(path, bytes);
    expect(await problemOf(openAndVerify(path))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 0 },
    });
  });

  it('chunks swapped between two entries', async () => {
    const path = await writeFixture(tempDir(), [
      ['a.bin', randomBytes(SMALL_CHUNK)],
      ['b.bin', randomBytes(SMALL_CHUNK)],
    ]);
    const file = await layoutOf(path);
    const a = file.entry('a.bin').offset;
    const b = file.entry('b.bin').offset;
    await file.close();
    const bytes = readFileSync(path);
    const recordA = Buffer.from(bytes.subarray(a, a + RECORD));
    bytes.copy(bytes, a, b, b + RECORD);
    recordA.copy(bytes, b);
    writeFileSync(path, bytes);
    expect(await problemOf(openAndVerify(path))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 0 },
    });
  });

  it('a chunk moved in from another course file with the same password and layout', async () => {
    const dir = tempDir();
    const data = randomBytes(2 * SMALL_CHUNK);
    const victim = await writeFixture(dir, [['a.bin', data]], { name: 'victim.plenum' });
    const donor = await writeFixture(dir, [['a.bin', data]], { name: 'donor.plenum' });
    const file = await layoutOf(victim);
    const { offset } = file.entry('a.bin');
    await file.close();
    const bytes = readFileSync(victim);
    readFileSync(donor).copy(bytes, offset + RECORD, offset + RECORD, offset + 2 * RECORD);
    writeFileSync(victim, bytes);
    expect(await problemOf(openAndVerify(victim))).toMatchObject({
      kind: 'damaged',
      where: { entry: 'a.bin', chunk: 1 },
    });
  });

  it('a chunk cut out and spliced in at the end (same file size)', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(4 * SMALL_CHUNK)]]);
    const file = await layoutOf(path);
    const { offset } = file.entry('a.bin');
    await file.close();
    const bytes = readFileSync(path);
    const cut = bytes.subarray(offset + RECORD, offset + 2 * RECORD);
    const spliced = Buffer.concat([
      bytes.subarray(0, offset + RECORD),
      bytes.subarray(offset + 2 * RECORD),
      cut,
    ]);
    writeFileSync(path, spliced);
    expect(await problemOf(openAndVerify(path))).toMatchObject({ kind: 'damaged' });
  });

  it('a truncated file says "truncated", wherever it is cut', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(2 * SMALL_CHUNK)]]);
    const bytes = readFileSync(path);
    for (const keep of [bytes.length - 1, bytes.length - RECORD, 5000, 4095, 100, 19]) {
      writeFileSync(path, bytes.subarray(0, keep));
      expect(await problemOf(openCourseFile(path))).toMatchObject({ kind: 'truncated', actualBytes: keep });
    }
  });

  it('bytes appended after the end', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]]);
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('extra')]));
    expect(await problemOf(openCourseFile(path))).toEqual({ kind: 'damaged', where: { part: 'layout' } });
  });

  it('an edited header is detected without a password (checksum) and, edited with care, after unlock (HMAC)', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]]);
    const original = readFileSync(path);
    const titleAt = original.indexOf(Buffer.from('Prøvekurs'));
    expect(titleAt).toBeGreaterThan(0);

    const careless = Buffer.from(original);
    careless[titleAt] = 'Q'.charCodeAt(0);
    writeFileSync(path, careless);
    expect(await problemOf(openCourseFile(path))).toEqual({ kind: 'damaged', where: { part: 'header' } });

    const careful = Buffer.from(original);
    careful[titleAt] = 'Q'.charCodeAt(0);
    resealChecksum(careful, 4096);
    writeFileSync(path, careful);
    const locked = await openCourseFile(path);
    expect(locked.header.course.title).toBe('Qrøvekurs');
    expect(await problemOf(locked.unlock(PASSWORD))).toEqual({ kind: 'damaged', where: { part: 'header' } });
    await locked.close();
  });

  it('not a course file: empty, text, random bytes', async () => {
    const dir = tempDir();
    for (const [name, content] of [
      ['empty', Buffer.alloc(0)],
      ['text', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nhei\n')],
      ['random', randomBytes(70000)],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, content);
      expect(await problemOf(openCourseFile(path))).toEqual({ kind: 'not-a-course-file' });
    }
    expect(await problemOf(openCourseFile(join(dir, 'missing.plenum')))).toEqual({
      kind: 'not-found',
      path: join(dir, 'missing.plenum'),
    });
  });

  it('a file from a newer version says so', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]]);
    const bytes = readFileSync(path);
    bytes.writeUInt16BE(2, 8);
    writeFileSync(path, bytes);
    expect(await problemOf(openCourseFile(path))).toEqual({ kind: 'newer-version', version: 2 });
  });

  it('every single flipped bit anywhere in a file is refused', async () => {
    const path = await writeFixture(tempDir(), [
      ['manifest.json', Buffer.from('{"id":"x"}')],
      ['media/seg.m4s', randomBytes(SMALL_CHUNK + 200)],
    ]);
    const original = readFileSync(path);
    const flipped = join(tempDir(), 'flipped.plenum');
    const accepted: number[] = [];
    // Every byte of the data region; every 3rd byte of the mostly-zero padded header region keeps this quick.
    for (let at = 0; at < original.length; at += at < 4096 ? 3 : 1) {
      const bytes = Buffer.from(original);
      bytes[at]! ^= 1 << (at % 8);
      writeFileSync(flipped, bytes);
      const failed = await openAndVerify(flipped).then(
        () => false,
        () => true,
      );
      if (!failed) accepted.push(at);
    }
    expect(accepted).toEqual([]);
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
