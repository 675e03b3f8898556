import { createHash, randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CourseFileWriter,
  isCourseFileError,
  unlockCourseFile,
  type UnlockedCourseFile,
} from '../../../../src/node/course-file';
import { CHEAP_SCRYPT, SMALL_CHUNK, writeFixture } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';
import { countingFile, newHandle, schemeUrl, serveOne, type ReadCounts } from './media-handler-fixture';

const tempDir = useTempDir();

/** Lets pending promise jobs and I/O callbacks run, so work that should not happen would have happened. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Waits until the handler has let go of the reader's iterator, then settles. A chunk still being read when
 * the body is aborted finishes its disk read before the iterator can be returned, and on a busy machine that
 * takes longer than any fixed number of ticks; if the iterator is never released, the test times out.
 */
async function settleReleased(counts: ReadCounts): Promise<void> {
  while (counts.released === 0) await new Promise((resolve) => setImmediate(resolve));
  await settle();
}

describe('a body that decrypts one chunk per pull', () => {
  const data = randomBytes(10 * SMALL_CHUNK);
  let file: UnlockedCourseFile;

  beforeEach(async () => {
    file = await unlockCourseFile(await writeFixture(tempDir(), [['film.bin', data]]), 'riktig passord');
  });
  afterEach(async () => {
    await file.close();
  });

  it('pulls nothing until the consumer reads, then one chunk per read', async () => {
    const { file: spied, counts } = countingFile(file);
    const handle = newHandle();
    const response = await serveOne(spied, handle)(new Request(schemeUrl(handle, 'film.bin')));
    await settle();
    expect(counts.nexts).toBe(0);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value).equals(data.subarray(0, SMALL_CHUNK))).toBe(true);
    await settle();
    expect(counts.nexts).toBe(1);
    await reader.read();
    await settle();
    expect(counts.nexts).toBe(2);
    await reader.cancel();
  });

  it('a cancel after the first read stops the decrypting', async () => {
    const { file: spied, counts } = countingFile(file);
    const handle = newHandle();
    const response = await serveOne(spied, handle)(new Request(schemeUrl(handle, 'film.bin')));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await settleReleased(counts);
    expect(counts).toEqual({ reads: 1, nexts: 1, released: 1 });
  });

  it('an aborted request stops the decrypting and errors the body', async () => {
    const { file: spied, counts } = countingFile(file);
    const handle = newHandle();
    const controller = new AbortController();
    const response = await serveOne(
      spied,
      handle,
    )(new Request(schemeUrl(handle, 'film.bin'), { signal: controller.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    await settleReleased(counts);
    expect(counts).toEqual({ reads: 1, nexts: 1, released: 1 });
  });

  it('an abort while a chunk is decrypting drops that chunk', async () => {
    const { file: spied, counts } = countingFile(file);
    const handle = newHandle();
    const controller = new AbortController();
    const response = await serveOne(
      spied,
      handle,
    )(new Request(schemeUrl(handle, 'film.bin'), { signal: controller.signal }));
    const reader = response.body!.getReader();
    const pending = reader.read();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await settleReleased(counts);
    expect(counts.nexts).toBe(1);
    expect(counts.released).toBe(1);
  });

  it('a request aborted before the handler runs never decrypts', async () => {
    const { file: spied, counts } = countingFile(file);
    const handle = newHandle();
    const response = await serveOne(
      spied,
      handle,
    )(new Request(schemeUrl(handle, 'film.bin'), { signal: AbortSignal.abort() }));
    await expect(response.arrayBuffer()).rejects.toBeDefined();
    await settle();
    expect(counts.nexts).toBe(0);
  });

  it('a chunk damaged on disk errors the stream after the good chunks went out', async () => {
    const handle = newHandle();
    const { offset } = file.entry('film.bin');
    await file.close();
    const path = join(tempDir(), 'fixture.plenum');
    const disk = await open(path, 'r+');
    // One byte of chunk 2's ciphertext (past its 12-byte IV).
    await disk.write(Buffer.from([0xff]), 0, 1, offset + 2 * (SMALL_CHUNK + 28) + 12 + 5);
    await disk.close();
    file = await unlockCourseFile(path, 'riktig passord');

    const response = await serveOne(file, handle)(new Request(schemeUrl(handle, 'film.bin')));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect(Buffer.from((await reader.read()).value).equals(data.subarray(0, SMALL_CHUNK))).toBe(true);
    expect((await reader.read()).value?.length).toBe(SMALL_CHUNK);
    const failure: unknown = await reader.read().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isCourseFileError(failure) && failure.problem).toMatchObject({
      kind: 'damaged',
      where: { part: 'entry', entry: 'film.bin', chunk: 2 },
    });
  });
});

describe('memory', () => {
  const MIB = 1024 * 1024;
  const SIZE_MIB = 200;

  it(`streams a ${SIZE_MIB} MB entry with memory growth far below its size`, async () => {
    const path = join(tempDir(), 'big.plenum');
    const writer = await CourseFileWriter.create(path, {
      course: { id: 'big', title: 'Big', language: 'nb' },
      passwords: ['p'],
      scrypt: CHEAP_SCRYPT,
      chunkSize: MIB,
    });
    const written = createHash('sha256');
    await writer.addEntry(
      'film.bin',
      (function* () {
        for (let i = 0; i < SIZE_MIB; i++) {
          const piece = randomBytes(MIB);
          written.update(piece);
          yield piece;
        }
      })(),
    );
    await writer.finish();
    const file = await unlockCourseFile(path, 'p');
    const handle = newHandle();
    const handler = serveOne(file, handle);

    const before = process.memoryUsage().rss;
    let peak = before;
    const response = await handler(new Request(schemeUrl(handle, 'film.bin')));
    expect(response.headers.get('content-length')).toBe(String(SIZE_MIB * MIB));
    const served = createHash('sha256');
    let bytes = 0;
    for await (const part of response.body!) {
      served.update(part);
      bytes += part.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    await file.close();

    expect(bytes).toBe(SIZE_MIB * MIB);
    expect(served.digest('hex')).toBe(written.digest('hex'));
    const growthMiB = (peak - before) / MIB;
    expect(growthMiB).toBeLessThan(64);
  });
});
