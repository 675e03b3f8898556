import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { courseManifestSchema, type CourseManifest } from '../../../../src/common/course/manifest';
import { createTranslator } from '../../../../src/common/i18n/translator';
import { describePackProblem } from '../../../../src/cli/describe-pack-problem';
import { unlockCourseFile, type UnlockedCourseFile } from '../../../../src/node/course-file';
import { CHAPTER_COLOURS, makeDemoFilm } from '../../../../src/node/demo/demo-film';
import { readBurntFrameNumber } from '../../../../src/node/demo/frame-code';
import { findMediaTools } from '../../../../src/node/transcoder/ffmpeg-binaries';
import { addChapterStills, stillEntry, stillTime } from '../../../../src/node/packer/chapter-stills';
import { packCourse, type PackProgress } from '../../../../src/node/packer/pack-course';
import { PackError, type PackProblem } from '../../../../src/node/packer/pack-problem';
import { CHEAP_SCRYPT } from '../../../support/course-file-fixture';

const execFileAsync = promisify(execFile);
const { ffmpeg } = findMediaTools();
const PASSWORD = 'et passord for stillbilder';
const FPS = 25;
const SOURCE = { width: 640, height: 360 };
const STILL = { width: 480, height: 270 };
// Two short chapters (the still a quarter of the way in) around a long one (the still 3 s in). Every
// chapter starts on a frame, so the packer keeps these times exactly.
const CHAPTERS = [
  { id: 'en', title: 'Én', start: 0, end: 2.4 },
  { id: 'to', title: 'To', start: 2.4, end: 15.4 },
  { id: 'tre', title: 'Tre', start: 15.4, end: 17 },
];
const DURATION = 17;

let dir: string;
let film: string;
let file: UnlockedCourseFile;
let manifest: CourseManifest;
let progress: PackProgress[];

/** A course folder with the given chapters (the film is put in by the caller). */
function writeCourseFolder(folder: string, chapters: readonly { id: string; start: number; end: number }[]) {
  mkdirSync(folder, { recursive: true });
  const lines = chapters.map(
    (chapter) =>
      `  - { id: ${chapter.id}, title: ${chapter.id}, start: ${chapter.start}, end: ${chapter.end} }`,
  );
  writeFileSync(
    join(folder, 'course.yaml'),
    [
      'id: stillbilder',
      'title: Stillbilder',
      'language: nb',
      'film: film.mp4',
      'chapters:',
      ...lines,
      '',
    ].join('\n'),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-stills-'));
  const folder = join(dir, 'kurs');
  writeCourseFolder(folder, CHAPTERS);
  film = join(folder, 'film.mp4');
  await makeDemoFilm({ out: film, chapters: CHAPTERS, durationSeconds: DURATION, ...SOURCE, fps: FPS });
  progress = [];
  const out = join(dir, 'stillbilder.plenum');
  const packed = await packCourse({
    folder,
    out,
    passwords: [PASSWORD],
    scrypt: CHEAP_SCRYPT,
    onProgress: (event) => progress.push(event),
  });
  manifest = packed.manifest;
  file = await unlockCourseFile(out, PASSWORD);
}, 120_000);

afterAll(async () => {
  await file?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Width and height from a JPEG's start-of-frame marker, walking the marker segments from the start. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 9 <= jpeg.length) {
    if (jpeg.readUInt8(at) !== 0xff) throw new Error(`no JPEG marker at byte ${at}`);
    const marker = jpeg.readUInt8(at + 1);
    // SOF0 to SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no start-of-frame marker');
}

/** Decodes a JPEG to RGBA at the given size through ffmpeg's stdin and stdout, never through a file. */
function decodeJpeg(jpeg: Buffer, size: { width: number; height: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, [
      ...['-v', 'error', '-f', 'image2pipe', '-c:v', 'mjpeg', '-i', 'pipe:0'],
      ...['-vf', `scale=${size.width}:${size.height}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ]);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg exited ${code}`)),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(jpeg);
  });
}

/** The source film's frame at `seconds` (the first at or after it, as the packer asks), as RGBA. */
async function sourceFrame(seconds: number, size: { width: number; height: number }): Promise<Buffer> {
  const { stdout } = await execFileAsync(
    ffmpeg,
    [
      ...['-v', 'error', '-ss', String(seconds), '-i', film, '-frames:v', '1'],
      ...['-vf', `scale=${size.width}:${size.height}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** Mean absolute difference per byte of two pictures of the same size: 0 is identical, 255 the opposite. */
function meanDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a.readUInt8(i) - b.readUInt8(i));
  return sum / a.length;
}

describe('a still per chapter, made when packing', () => {
  it('names a still for every chapter in the manifest, and the manifest stays valid', async () => {
    expect(manifest.chapters.map((chapter) => chapter.still)).toEqual(
      CHAPTERS.map((chapter) => `stills/${chapter.id}.jpg`),
    );
    const stored = courseManifestSchema.parse(JSON.parse((await file.readAll('manifest.json')).toString()));
    expect(stored).toEqual(manifest);
    for (const chapter of stored.chapters) expect(file.has(chapter.still ?? '')).toBe(true);
  });

  it('stores each still as a whole JPEG, 480 pixels wide with the film’s aspect', async () => {
    for (const chapter of CHAPTERS) {
      const jpeg = await file.readAll(stillEntry(chapter.id));
      expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
      expect(jpegSize(jpeg)).toEqual(STILL);
      // A still costs kilobytes, not the megabytes of a raw frame.
      expect(jpeg.length).toBeLessThan(100_000);
    }
  });

  it('takes each still a little after its chapter starts: 3 s in, or a quarter of a short chapter', () => {
    expect(CHAPTERS.map(stillTime)).toEqual([0.6, 5.4, 15.8]);
  });

  it('shows its own chapter: the frame at the still time, in the chapter’s colour', async () => {
    const pictures: Buffer[] = [];
    for (const [index, chapter] of CHAPTERS.entries()) {
      const jpeg = await file.readAll(stillEntry(chapter.id));
      const at = stillTime(chapter);
      // The burnt-in frame number, read at the source size the code was drawn for.
      const frameNumber = readBurntFrameNumber(await decodeJpeg(jpeg, SOURCE), SOURCE.width, SOURCE.height);
      expect(frameNumber).toBe(Math.round(at * FPS));

      const still = await decodeJpeg(jpeg, STILL);
      // Measured here: about 0.6 against the frame at `at` (JPEG's loss), 2.2 and more against the next one.
      expect(meanDifference(still, await sourceFrame(at, STILL))).toBeLessThan(1.5);
      // The background at the left edge, halfway down, away from the title, timecode and frame code.
      const pixel = (STILL.height / 2) * STILL.width * 4 + 8 * 4;
      const colour = Number.parseInt(CHAPTER_COLOURS[index] ?? '', 16);
      const expected = [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
      [...still.subarray(pixel, pixel + 3)].forEach((channel, k) =>
        expect(Math.abs(channel - (expected[k] ?? 0))).toBeLessThan(12),
      );
      pictures.push(still);
    }
    const [first, second, third] = pictures;
    if (!first || !second || !third) throw new Error('three stills expected');
    expect(meanDifference(first, second)).toBeGreaterThan(20);
    expect(meanDifference(second, third)).toBeGreaterThan(20);
  });

  it('reports the stills as a step of their own, between the encoding and the finishing', () => {
    const phases = progress.map((event) => event.phase);
    expect(phases.lastIndexOf('transcoding')).toBeLessThan(phases.indexOf('stills'));
    expect(phases.lastIndexOf('stills')).toBeLessThan(phases.indexOf('finishing'));
    expect(progress.filter((event) => event.phase === 'stills')).toEqual(
      [0, 1, 2, 3].map((done) => ({ phase: 'stills', done, total: 3 })),
    );
  });
});

describe('a still that cannot be taken', () => {
  /** A 2 s picture with 6 s of sound, and chapters running to 6 s: the second still would fall at 2.25 s. */
  async function shortPictureFolder(name: string): Promise<string> {
    const folder = join(dir, name);
    writeCourseFolder(folder, [
      { id: 'en', start: 0, end: 1 },
      { id: 'to', start: 1, end: 6 },
    ]);
    await execFileAsync(ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=160x90:rate=${FPS}:duration=2`],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=6'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
      join(folder, 'film.mp4'),
    ]);
    return folder;
  }

  it('a chapter past the end of the picture is refused before any work, and no file is left', async () => {
    // The film is as long as its picture (2 s), not its sound: nothing could be shown after that.
    const folder = await shortPictureFolder('kort-bilde');
    const out = join(dir, 'kort-bilde.plenum');
    let problem: PackProblem | undefined;
    try {
      await packCourse({ folder, out, passwords: [PASSWORD], scrypt: CHEAP_SCRYPT });
    } catch (error) {
      if (error instanceof PackError) problem = error.problem;
      else throw error;
    }
    expect(problem).toMatchObject({
      kind: 'invalid-course',
      errors: [expect.objectContaining({ code: 'beyond-film', path: 'chapters[1].end' })],
    });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('kort-bilde.plenum'))).toEqual([]);
  });

  it('no picture at a still time fails with a typed problem that says where', async () => {
    const folder = await shortPictureFolder('kort-bilde-still');
    const shortManifest: CourseManifest = {
      ...manifest,
      film: { ...manifest.film, duration: 6 },
      chapters: [
        { ...manifest.chapters[0]!, id: 'en', start: 0, end: 1 },
        { ...manifest.chapters[1]!, id: 'to', start: 1, end: 6 },
      ],
    };
    const written: string[] = [];
    let problem: PackProblem | undefined;
    try {
      await addChapterStills({
        filmPath: join(folder, 'film.mp4'),
        manifest: shortManifest,
        writer: {
          // Drains each picture as the real writer would, so ffmpeg is never left blocked on its pipe.
          addEntry: async (name, source) => {
            let size = 0;
            if (Buffer.isBuffer(source)) size = source.length;
            else for await (const chunk of source as AsyncIterable<Buffer>) size += chunk.length;
            written.push(name);
            return { name, id: written.length, offset: 0, size };
          },
        },
      });
    } catch (error) {
      if (error instanceof PackError) problem = error.problem;
      else throw error;
    }
    expect(problem).toEqual({
      kind: 'still-failed',
      chapterId: 'to',
      at: 2.25,
      reason: 'no-picture',
      details: [],
    });
    expect(written).toEqual([stillEntry('en')]);
    if (problem === undefined) return;
    expect(describePackProblem(problem, createTranslator('en'))).toEqual([
      'The film has no picture at 00:02.250, where the still of chapter "to" is taken. ' +
        'Does the picture end before the sound? Nothing was written.',
    ]);
  });
});
