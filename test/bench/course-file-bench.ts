import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoFilm } from '../../src/node/demo/demo-film';
import { CourseFileWriter, openCourseFile, unlockCourseFile } from '../../src/node/course-file';
import { median, since, spread } from './measure';

const MIB = 1024 * 1024;
const ENTRY_MIB = 200;
const ROUNDS = 5;

/**
 * `npm run bench`: the course file's figures, each against a baseline measured in the same run.
 * Prints a table and a JSON line; never fails on a figure.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  try {
    const results: Record<string, unknown> = {};
    console.log(`Plenum course-file benchmark (${ROUNDS} rounds; min / median / max)\n`);

    // 1. Unlock with the default scrypt cost, as the app does.
    const unlockPath = join(dir, 'unlock.plenum');
    const writer = await CourseFileWriter.create(unlockPath, {
      course: { id: 'bench', title: 'Bench', language: 'nb' },
      passwords: ['bench'],
    });
    await writer.addEntry('a.bin', Buffer.from('x'));
    await writer.finish();
    const unlockMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const locked = await openCourseFile(unlockPath);
      const start = performance.now();
      const file = await locked.unlock('bench');
      unlockMs.push(since(start));
      await file.close();
    }
    console.log(`unlock (scrypt N=2^17 r=8 p=1)           ${spread(unlockMs, 0)} ms`);
    results.unlockMs = median(unlockMs);

    // 2. Decrypting read of a 200 MiB entry vs a plain read of the same bytes, alternating, same run.
    const plainPath = join(dir, 'plain.bin');
    const bigPath = join(dir, 'big.plenum');
    const data = randomBytes(ENTRY_MIB * MIB);
    writeFileSync(plainPath, data);
    const bigWriter = await CourseFileWriter.create(bigPath, {
      course: { id: 'bench', title: 'Bench', language: 'nb' },
      passwords: ['bench'],
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
    });
    await bigWriter.addEntry('big.bin', data);
    await bigWriter.finish();
    // Baseline: a plain read through fs streams, the way a file server hands out a plain file. The same
    // bytes copied from the page cache into one reused buffer are printed too: a ceiling, not a baseline.
    const plainMBs: number[] = [];
    const memcpyMBs: number[] = [];
    const decryptMBs: number[] = [];
    const ratios: number[] = [];
    const buffer = Buffer.alloc(MIB);
    const megabytes = (ENTRY_MIB * MIB) / 1e6;
    for (let round = 0; round < ROUNDS; round++) {
      let start = performance.now();
      let streamed = 0;
      for await (const part of createReadStream(plainPath, { highWaterMark: MIB }))
        streamed += (part as Buffer).length;
      const plain = streamed / 1e6 / (since(start) / 1000);

      start = performance.now();
      const fd = openSync(plainPath, 'r');
      let position = 0;
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
      }
      closeSync(fd);
      const memcpy = megabytes / (since(start) / 1000);

      const file = await unlockCourseFile(bigPath, 'bench');
      start = performance.now();
      let bytes = 0;
      for await (const part of file.read('big.bin')) bytes += part.length;
      const decrypt = bytes / 1e6 / (since(start) / 1000);
      await file.close();
      plainMBs.push(plain);
      memcpyMBs.push(memcpy);
      decryptMBs.push(decrypt);
      ratios.push(decrypt / plain);
    }
    console.log(`plain read, fs streams (baseline)         ${spread(plainMBs, 0)} MB/s`);
    console.log(`plain readSync, reused buffer (ceiling)   ${spread(memcpyMBs, 0)} MB/s`);
    console.log(`decrypting read of the entry              ${spread(decryptMBs, 0)} MB/s`);
    console.log(`ratio decrypting / baseline (goal >= 0.5) ${spread(ratios, 2)}`);
    Object.assign(results, {
      plainMBs: median(plainMBs),
      ceilingMBs: median(memcpyMBs),
      decryptMBs: median(decryptMBs),
      readRatio: median(ratios),
    });

    // 3. Peak memory, each job in its own process.
    const child = join(__dirname, 'rss-child.js');
    const rssOf = (...args: string[]) =>
      (
        JSON.parse(execFileSync(process.execPath, [child, ...args], { encoding: 'utf8' }).trim()) as {
          maxRssMiB: number;
        }
      ).maxRssMiB;
    const writeRss = rssOf('write', join(dir, 'rss-write.plenum'), String(ENTRY_MIB));
    const readRss = rssOf('read', bigPath);
    const course = join(dir, 'course');
    mkdirSync(course);
    const filmSeconds = 120;
    await makeDemoFilm({
      out: join(course, 'film.mp4'),
      chapters: [
        { title: 'En', start: 0, end: 60 },
        { title: 'To', start: 60, end: filmSeconds },
      ],
      durationSeconds: filmSeconds,
    });
    writeFileSync(
      join(course, 'course.yaml'),
      'id: bench\ntitle: Bench\nlanguage: nb\nfilm: film.mp4\nchapters:\n' +
        '  - { id: en, title: En, start: "00:00", end: "01:00" }\n  - { id: to, title: To, start: "01:00", end: "02:00" }\n',
    );
    const packRss = rssOf('pack', course, join(dir, 'packed.plenum'));
    const idleRss = rssOf('idle');
    console.log(`peak RSS of an idle process (baseline)    ${idleRss.toFixed(0)} MiB`);
    console.log(
      `peak RSS, writing a ${ENTRY_MIB} MiB entry          ${writeRss.toFixed(0)} MiB (+${(writeRss - idleRss).toFixed(0)})`,
    );
    console.log(
      `peak RSS, reading a ${ENTRY_MIB} MiB entry          ${readRss.toFixed(0)} MiB (+${(readRss - idleRss).toFixed(0)})`,
    );
    console.log(
      `peak RSS, packing a ${filmSeconds} s film (node side) ${packRss.toFixed(0)} MiB (+${(packRss - idleRss).toFixed(0)})`,
    );
    Object.assign(results, {
      idleRssMiB: idleRss,
      writeRssMiB: writeRss,
      readRssMiB: readRss,
      packRssMiB: packRss,
    });
    console.log(`\n${JSON.stringify(results)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
