import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addPassword,
  CourseFileWriter,
  openCourseBuffer,
  openCourseFile,
  scryptCostFromEnv,
  SCRYPT_COST_ENV,
  type CourseFileHeader,
} from '../../../../src/node/course-file';
import { DEFAULT_SCRYPT, MAX_KEY_SLOTS, PREAMBLE_SIZE } from '../../../../src/node/course-file/format';
import { encodeHeaderRegion } from '../../../../src/node/course-file/header-codec';
import { deriveSlotKey } from '../../../../src/node/course-file/key-slots';
import { createSerialQueue } from '../../../../src/node/course-file/serial-queue';
import { CHEAP_SCRYPT, writeFixture } from '../../../support/course-file-fixture';
import { problemOf } from '../../../support/expect-problem';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();

/**
 * Rewrites both header copies of a fixture with `edit` applied to its header, resealing the SHA-256 as anyone
 * can (the HMAC needs the content key, but these headers are to be refused before any key is derived).
 */
async function forgedHeader(edit: (header: CourseFileHeader) => CourseFileHeader): Promise<Buffer> {
  const path = await writeFixture(tempDir(), [['a.bin', randomBytes(100)]], {
    headerRegionSize: 64 * 1024,
  });
  const bytes = readFileSync(path);
  const region = 64 * 1024;
  const jsonLength = bytes.readUInt32BE(16);
  const header = JSON.parse(bytes.subarray(PREAMBLE_SIZE, PREAMBLE_SIZE + jsonLength).toString('utf8'));
  const forged = encodeHeaderRegion(edit(header), randomBytes(32), region);
  forged.copy(bytes, 0);
  forged.copy(bytes, region);
  return bytes;
}

function slotsLike(header: CourseFileHeader, count: number, kdf: { N: number; r: number; p: number }) {
  const slot = header.slots[0]!;
  return Array.from({ length: count }, (_, index) => ({
    ...slot,
    id: index.toString(16).padStart(8, '0'),
    kdf: { ...slot.kdf, ...kdf },
  }));
}

/** Opens and tries a password, measuring the time and the growth of resident memory it took. */
async function attempt(bytes: Buffer) {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const problem = await problemOf(async () => {
    const locked = await openCourseBuffer(bytes);
    await locked.unlock('feil passord');
  });
  return {
    problem,
    ms: performance.now() - started,
    rssGrowth: process.memoryUsage().rss - rssBefore,
  };
}

describe('a hostile header cannot make an unlock slow or large', () => {
  it.each([
    ['one slot at N=2^19 (512 MiB, seconds)', 1, { N: 2 ** 19, r: 8, p: 1 }, 'kdf-cost'],
    ['r above 8', 1, { N: 2 ** 12, r: 32, p: 1 }, 'kdf-cost'],
    ['p=16 (sixteen runs in one slot)', 1, { N: 2 ** 14, r: 8, p: 16 }, 'kdf-cost'],
    ['N below the floor', 1, { N: 2 ** 4, r: 8, p: 1 }, 'kdf-cost'],
    ['32 slots each at the per-slot cap (64 ordinary unlocks)', 32, { N: 2 ** 18, r: 8, p: 1 }, 'kdf-cost'],
    ['60 cheap slots', 60, { N: 2 ** 10, r: 8, p: 1 }, 'too-many-slots'],
  ] as const)('%s: refused as made by another tool, at once', async (_label, count, kdf, reason) => {
    const bytes = await forgedHeader((header) => ({ ...header, slots: slotsLike(header, count, kdf) }));
    const { problem, ms, rssGrowth } = await attempt(bytes);
    expect(problem).toEqual({ kind: 'made-elsewhere', reason });
    // Generous bounds: honoured, the slowest of these headers would take about a minute and 256 MiB.
    expect(ms).toBeLessThan(5000);
    expect(rssGrowth).toBeLessThan(128 * 1024 * 1024);
  });

  it('a full file of ordinary slots (32) is accepted, one more is not', async () => {
    const full = await forgedHeader((header) => ({
      ...header,
      slots: slotsLike(header, MAX_KEY_SLOTS, CHEAP_SCRYPT),
    }));
    expect((await openCourseBuffer(full)).header.slots).toHaveLength(MAX_KEY_SLOTS);
    const over = await forgedHeader((header) => ({
      ...header,
      slots: slotsLike(header, MAX_KEY_SLOTS + 1, CHEAP_SCRYPT),
    }));
    expect(await problemOf(openCourseBuffer(over))).toEqual({
      kind: 'made-elsewhere',
      reason: 'too-many-slots',
    });
  });

  it('the writer never makes a file readers would refuse: at most 32 passwords, costs within the caps', async () => {
    const dir = tempDir();
    const course = { id: 'x', title: 'X', language: 'nb' };
    const passwords = Array.from({ length: MAX_KEY_SLOTS + 1 }, (_, index) => `p${index}`);
    expect(
      await problemOf(
        CourseFileWriter.create(join(dir, 'x.plenum'), { course, passwords, scrypt: CHEAP_SCRYPT }),
      ),
    ).toEqual({ kind: 'too-many-passwords', max: MAX_KEY_SLOTS });
    await expect(
      CourseFileWriter.create(join(dir, 'y.plenum'), {
        course,
        passwords: ['p'],
        scrypt: { N: 2 ** 19, r: 8, p: 1 },
      }),
    ).rejects.toThrow(RangeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('`passwords add` stops at 32 slots with "no room"', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], {
      headerRegionSize: 16 * 1024,
    });
    for (let slot = 1; slot < MAX_KEY_SLOTS; slot++) {
      await addPassword(path, 'riktig passord', `ekstra ${slot}`, { cost: CHEAP_SCRYPT });
    }
    expect(
      await problemOf(addPassword(path, 'riktig passord', 'en for mye', { cost: CHEAP_SCRYPT })),
    ).toEqual({ kind: 'too-many-passwords', max: MAX_KEY_SLOTS });
    expect((await openCourseFile(path)).header.slots).toHaveLength(MAX_KEY_SLOTS);
  });
});

describe('the KDF cost of new slots', () => {
  it('is the production default unless the environment lowers it, never below the floor or above the default', () => {
    expect(scryptCostFromEnv({})).toEqual(DEFAULT_SCRYPT);
    expect(scryptCostFromEnv({ [SCRYPT_COST_ENV]: '10' })).toEqual({ ...DEFAULT_SCRYPT, N: 2 ** 10 });
    expect(scryptCostFromEnv({ [SCRYPT_COST_ENV]: '14' })).toEqual({ ...DEFAULT_SCRYPT, N: 2 ** 14 });
    for (const ignored of ['9', '1', '18', '30', '-3', '1e1', 'ti', '']) {
      expect(scryptCostFromEnv({ [SCRYPT_COST_ENV]: ignored })).toEqual(DEFAULT_SCRYPT);
    }
  });

  it('four unlocks at once leave libuv threads free: file reads started after them finish before any of them', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]]);
    const kdf = { name: 'scrypt' as const, N: 2 ** 16, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
    const order: string[] = [];
    const unlocks = Array.from({ length: 4 }, (_, index) =>
      deriveSlotKey(`passord ${index}`, kdf).then(() => order.push('unlock')),
    );
    // Each read runs on the thread pool too; with four scrypt runs side by side they would wait for one to end.
    const reads = Array.from({ length: 8 }, () => readFile(path).then(() => order.push('read')));
    await Promise.all([...unlocks, ...reads]);
    expect(order.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => 'read'));
  });

  it('runs one KDF at a time: queued tasks never overlap, and a failure does not stop the queue', async () => {
    const queue = createSerialQueue();
    let running = 0;
    let most = 0;
    const task = (fail: boolean) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (fail) throw new Error('this one fails');
      return 'ok';
    };
    const results = await Promise.allSettled(
      [false, true, false, false].map((fail) => queue.run(task(fail))),
    );
    expect(most).toBe(1);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
  });
});

describe('only regular files are opened', () => {
  it('a FIFO is refused at once, without waiting for a writer (which would hold a libuv thread)', async () => {
    const fifo = join(tempDir(), 'course.plenum');
    execFileSync('mkfifo', [fifo]);
    expect(await problemOf(openCourseFile(fifo))).toEqual({ kind: 'not-a-file', path: fifo });
    expect(await problemOf(addPassword(fifo, 'a', 'b', { cost: CHEAP_SCRYPT }))).toEqual({
      kind: 'not-a-file',
      path: fifo,
    });
  }, 10_000);

  it('a directory is refused the same way', async () => {
    const dir = join(tempDir(), 'folder.plenum');
    mkdirSync(dir);
    expect(await problemOf(openCourseFile(dir))).toEqual({ kind: 'not-a-file', path: dir });
  });

  it('a regular file that is not a course file still says so', async () => {
    const path = join(tempDir(), 'text.plenum');
    writeFileSync(path, 'hei');
    expect(await problemOf(openCourseFile(path))).toEqual({ kind: 'not-a-course-file' });
  });
});
