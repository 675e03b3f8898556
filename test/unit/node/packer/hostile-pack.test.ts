import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CourseFileWriter, unlockCourseFile } from '../../../../src/node/course-file';
import { COURSE_LIMITS } from '../../../../src/node/course-source/course-limits';
import { MAX_PASSWORDS, packCourse } from '../../../../src/node/packer/pack-course';
import { PackError, type PackProblem } from '../../../../src/node/packer/pack-problem';
import { findMediaTools } from '../../../../src/node/transcoder/ffmpeg-binaries';
import { CHEAP_SCRYPT } from '../../../support/course-file-fixture';

const execFileAsync = promisify(execFile);
const { ffmpeg } = findMediaTools();
const PASSWORD = 'et passord';
const SUBTITLES = 'WEBVTT\n\n00:00.200 --> 00:01.000\nDen ekte teksten\n';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-hostile-pack-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A tiny film of `seconds` at 160×90 and 10 fps with sound, made by ffmpeg. */
async function makeFilm(path: string, seconds: number): Promise<void> {
  await execFileAsync(ffmpeg, [
    ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=160x90:rate=10:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path],
  ]);
}

/** A course folder with a film of `seconds`, one subtitle file and one chapter. */
async function makeFolder(name: string, seconds: number): Promise<string> {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'subs'), { recursive: true });
  writeFileSync(
    join(folder, 'course.yaml'),
    [
      'id: bytte',
      'title: Bytte',
      'language: nb',
      'film: film.mp4',
      'subtitles:',
      '  - { language: nb, label: Norsk, file: subs/nb.vtt }',
      'chapters:',
      `  - { id: en, title: En, start: 0, end: ${seconds} }`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(folder, 'subs', 'nb.vtt'), SUBTITLES);
  await makeFilm(join(folder, 'film.mp4'), seconds);
  return folder;
}

/** The sum of the segment durations in a packed film's playlist: what ffmpeg really read. */
function playlistSeconds(playlist: string): number {
  return [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

test('files swapped for symlinks out of the folder after the check are never packed', async () => {
  const folder = await makeFolder('kurs', 2);
  const out = join(dir, 'bytte.plenum');
  let swapped = false;
  await packCourse({
    folder,
    out,
    passwords: [PASSWORD],
    scrypt: CHEAP_SCRYPT,
    onProgress: (event) => {
      // Checked, not yet transcoded: the moment the swap happened.
      if (event.phase !== 'validated') return;
      renameSync(join(folder, 'subs', 'nb.vtt'), join(folder, 'subs', 'gammel.vtt'));
      symlinkSync('/etc/passwd', join(folder, 'subs', 'nb.vtt'));
      renameSync(join(folder, 'film.mp4'), join(folder, 'gammel.mp4'));
      // ffmpeg would fail on this; the pack succeeding shows it read the film that was checked.
      symlinkSync('/etc/passwd', join(folder, 'film.mp4'));
      swapped = true;
    },
  });
  expect(swapped).toBe(true);
  const file = await unlockCourseFile(out, PASSWORD);
  try {
    expect((await file.readAll('subs/nb.vtt')).toString('utf8')).toBe(SUBTITLES);
    const seconds = playlistSeconds((await file.readAll('media/index.m3u8')).toString('utf8'));
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(2.5);
  } finally {
    await file.close();
  }
}, 120_000);

test(`more than ${MAX_PASSWORDS} passwords are refused before anything is read or written`, async () => {
  const out = join(dir, 'for-mange.plenum');
  let problem: PackProblem | undefined;
  try {
    await packCourse({
      folder: join(dir, 'finnes-ikke'),
      out,
      passwords: Array.from({ length: MAX_PASSWORDS + 1 }, (_, index) => `passord ${index}`),
      scrypt: CHEAP_SCRYPT,
    });
  } catch (error) {
    if (error instanceof PackError) problem = error.problem;
    else throw error;
  }
  // The folder does not exist: had the course been read, this would be an invalid-course problem.
  expect(problem).toEqual({ kind: 'too-many-passwords', count: MAX_PASSWORDS + 1, limit: MAX_PASSWORDS });
  expect(readdirSync(dir).filter((name) => name.includes('for-mange'))).toEqual([]);
});

test('the largest public course info the loader accepts fits the header with the most passwords', async () => {
  // Worst case for the header's JSON: control characters are written as six-byte \u escapes.
  const out = join(dir, 'stor-header.plenum');
  const writer = await CourseFileWriter.create(out, {
    course: {
      id: 'a'.repeat(COURSE_LIMITS.idCharacters),
      title: '\u0001'.repeat(COURSE_LIMITS.lineCharacters),
      language: 'x'.repeat(COURSE_LIMITS.languageCharacters),
    },
    passwords: Array.from({ length: MAX_PASSWORDS }, (_, index) => `passord ${index}`),
    scrypt: CHEAP_SCRYPT,
    createdBy: `plenum ${'9'.repeat(40)}`,
  });
  await writer.addEntry('a.txt', Buffer.from('a'));
  await writer.finish();
  expect(existsSync(out)).toBe(true);
  // The header JSON's length sits at bytes 16-19 of the preamble (docs/course-file.md). The test's scrypt N
  // (1024) is written with 3 digits fewer than the largest the format allows (1048576): room for that too.
  const jsonLength = readFileSync(out).readUInt32BE(16);
  const preambleAndDigests = 20 + 2 * 32;
  expect(jsonLength + preambleAndDigests + MAX_PASSWORDS * 3).toBeLessThanOrEqual(16 * 1024);
});
