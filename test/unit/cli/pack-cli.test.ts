import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run-cli';
import { FILM_ENTRY } from '../../../src/common/course/manifest';
import { SCRYPT_COST_ENV, unlockCourseFile } from '../../../src/node/course-file';
import { makeDemoFilm } from '../../../src/node/demo/demo-film';
import { findMediaTools } from '../../../src/node/transcoder/ffmpeg-binaries';
import { capturedIo } from '../../support/captured-io';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();
const PASSWORD = 'et langt passord for én skole';
const CHAPTER_STARTS = [0, 2.4, 3.6];
/** Key slots at scrypt N=2^10 (about 1 ms, not 0.5 s): these tests are about the CLI, not the KDF's cost. */
const CHEAP_KDF_ENV = { PLENUM_LANG: 'en', [SCRYPT_COST_ENV]: '10' };
/** A captured CLI run in English whose new key slots are cheap. */
const cheapIo = (cwd: string, stdinText = '') => capturedIo(cwd, stdinText, CHEAP_KDF_ENV);
/** The second header copy starts here (format 2 keeps two copies of the 16 KiB header region). */
const SECOND_COPY = 16384;

const COURSE_YAML = `id: liten-prove
title: Liten prøve
language: nb
film: film.mp4
background: bakgrunn.md
subtitles:
  - { language: nb, label: Norsk, file: subs/nb.vtt }
chapters:
  - { id: en, title: Én, start: "00:00", end: "00:02.400" }
  - { id: to, title: To, start: "00:02.400", end: "00:03.600", minutes: 2 }
  - id: tre
    title: Tre
    start: "00:03.600"
    end: "00:06"
    prompts: [Hva skjer her?]
`;

/** Makes a small but complete course folder: a 6 s synthetic film, subtitles and a Markdown text. */
async function makeCourseFolder(dir: string): Promise<string> {
  const folder = join(dir, 'kurs');
  mkdirSync(join(folder, 'subs'), { recursive: true });
  writeFileSync(join(folder, 'course.yaml'), COURSE_YAML);
  writeFileSync(join(folder, 'bakgrunn.md'), '# Bakgrunn\n\nEn kort tekst.\n');
  writeFileSync(join(folder, 'subs', 'nb.vtt'), 'WEBVTT\n\n00:00.500 --> 00:01.500\nHei\n');
  await makeDemoFilm({
    out: join(folder, 'film.mp4'),
    chapters: [
      { title: 'Én', start: 0, end: 2.4 },
      { title: 'To', start: 2.4, end: 3.6 },
      { title: 'Tre', start: 3.6, end: 6 },
    ],
    durationSeconds: 6,
    width: 160,
    height: 90,
  });
  writeFileSync(join(dir, 'pw.txt'), `${PASSWORD}\n`);
  return folder;
}

/** Feeds bytes to ffprobe on standard input (never through a file) and returns the video keyframes' times. */
function keyframeTimes(film: Buffer): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const probe = spawn(findMediaTools().ffprobe, [
      ...['-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey'],
      ...['-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', '-i', 'pipe:0'],
    ]);
    let out = '';
    probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    probe.on('error', reject);
    probe.on('close', (code) =>
      code === 0
        ? // Keyframe rows carry a trailing comma (side data), hence parseFloat; blank lines are dropped.
          resolve(
            out
              .split('\n')
              .map((line) => parseFloat(line))
              .filter(Number.isFinite),
          )
        : reject(new Error(`ffprobe exited ${code}`)),
    );
    probe.stdin.on('error', () => undefined);
    probe.stdin.end(film);
  });
}

describe('plenum pack, verify, inspect (end to end)', () => {
  it('packs a course whose chapters each start on a keyframe, verifies it, and refuses any altered byte', async () => {
    const dir = tempDir();
    const folder = await makeCourseFolder(dir);
    const out = join(dir, 'liten.plenum');
    const pack = cheapIo(dir);
    expect(
      await runCli(['pack', folder, '--out', out, '--password-file', 'pw.txt', '--quiet'], pack.io),
    ).toBe(0);
    expect(pack.stdout()).toMatch(
      /^Made .*liten\.plenum .*: 3 chapters, \d+ film segments, 1 password\(s\)\.\n$/,
    );

    const file = await unlockCourseFile(out, PASSWORD);
    const manifest = JSON.parse((await file.readAll('manifest.json')).toString('utf8'));
    expect(manifest.chapters.map((chapter: { start: number }) => chapter.start)).toEqual(CHAPTER_STARTS);
    expect(manifest.background).toContain('En kort tekst.');
    expect((await file.readAll('subs/nb.vtt')).toString()).toContain('Hei');
    const playlist = (await file.readAll(FILM_ENTRY)).toString('utf8');
    expect(playlist).not.toContain('EXT-X-KEY');
    const segments = playlist.split('\n').filter((line) => line.endsWith('.m4s'));
    const film = Buffer.concat([
      await file.readAll('media/init.mp4'),
      ...(await Promise.all(segments.map((uri) => file.readAll(`media/${uri}`)))),
    ]);
    await file.close();
    const keyframes = await keyframeTimes(film);
    expect(keyframes).toEqual(
      expect.arrayContaining(CHAPTER_STARTS.map((start) => expect.closeTo(start, 3))),
    );

    const verify = cheapIo(dir);
    expect(await runCli(['verify', out, '--password-file', 'pw.txt', '--quiet'], verify.io)).toBe(0);
    expect(verify.stdout()).toContain('is sound');

    const original = readFileSync(out);
    // A header byte is flipped in both copies (one torn copy is what the second copy is there to survive).
    const positions = [
      0,
      9,
      4000,
      SECOND_COPY - 1,
      2 * SECOND_COPY,
      original.length - 1,
      ...Array.from({ length: 4 }, () => randomInt(2 * SECOND_COPY, original.length)),
    ];
    for (const at of positions) {
      const altered = Buffer.from(original);
      altered[at]! ^= 0x40;
      if (at < SECOND_COPY) altered[SECOND_COPY + at]! ^= 0x40;
      writeFileSync(out, altered);
      const run = cheapIo(dir);
      expect(await runCli(['verify', out, '--password-file', 'pw.txt', '--quiet'], run.io)).toBe(1);
      expect(run.stderr()).toMatch(
        /not a Plenum course file|newer version|damaged|altered|layout|Wrong password/,
      );
    }
  });

  it('writes nothing and lists every error when course.yaml is wrong', async () => {
    const dir = tempDir();
    const folder = await makeCourseFolder(dir);
    writeFileSync(
      join(folder, 'course.yaml'),
      COURSE_YAML.replace('end: "00:02.400" }', 'end: "00:0x" }').replace('https', 'http'),
    );
    const run = cheapIo(dir);
    const out = join(dir, 'feil.plenum');
    expect(await runCli(['pack', folder, '--out', out, '--password-file', 'pw.txt', '--quiet'], run.io)).toBe(
      1,
    );
    expect(run.stderr()).toContain('course.yaml:9:47 chapters[0].end: "00:0x" is not a time');
    expect(run.stderr()).toContain('Found 1 error in the course folder. Nothing was written.');
    expect(readdirSync(dir).sort()).toEqual(['kurs', 'pw.txt']);
  });

  it('says what is wrong in Norwegian by default: a wrong password, a file that is not a course file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not.plenum'), 'WEBVTT\n');
    writeFileSync(join(dir, 'pw.txt'), 'feil\n');
    const run = capturedIo(dir, '', {});
    expect(await runCli(['inspect', 'not.plenum'], run.io)).toBe(1);
    expect(run.stderr()).toBe('Dette er ikke en Plenum-kursfil. Velg filen som slutter på .plenum.\n');
    const missing = capturedIo(dir, '', { LANG: 'nn_NO.UTF-8' });
    expect(await runCli(['verify', 'borte.plenum', '--password-file', 'pw.txt'], missing.io)).toBe(1);
    expect(missing.stderr()).toContain('Finn ikkje kursfila');
  });

  it('never takes a password as an argument, and asks for one when none is given and no terminal is there', async () => {
    const dir = tempDir();
    const run = cheapIo(dir);
    expect(await runCli(['verify', 'x.plenum', '--password', 'hemmelig'], run.io)).toBe(2);
    expect(run.stderr()).toContain('Unknown option: --password.');
    const none = cheapIo(dir);
    expect(await runCli(['pack', 'kurs', '--out', 'x.plenum'], none.io)).toBe(2);
    expect(none.stderr()).toContain('No password given.');
    expect(existsSync(join(dir, 'x.plenum'))).toBe(false);
  });

  it('stops cleanly on Ctrl-C while packing: no course file and no partial file are left', async () => {
    const dir = tempDir();
    const folder = await makeCourseFolder(dir);
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (readdirSync(dir).some((name) => name.endsWith('.partial'))) controller.abort();
    }, 5);
    const run = capturedIo(dir);
    const code = await runCli(
      ['pack', folder, '--out', 'avbrutt.plenum', '--password-file', 'pw.txt', '--quiet'],
      run.io,
      controller.signal,
    );
    clearInterval(watcher);
    expect(controller.signal.aborted).toBe(true);
    expect(code).toBe(130);
    expect(run.stderr()).toContain('Interrupted. No half-written file was kept.');
    expect(readdirSync(dir).sort()).toEqual(['kurs', 'pw.txt']);
  });

  it('adds and removes passwords from the command line', async () => {
    const dir = tempDir();
    const folder = await makeCourseFolder(dir);
    writeFileSync(join(dir, 'pw-b.txt'), 'skole b\n');
    const out = join(dir, 'kurs.plenum');
    expect(
      await runCli(['pack', folder, '--out', out, '--password-file', 'pw.txt', '--quiet'], cheapIo(dir).io),
    ).toBe(0);
    // Without the environment variable, the new slot gets the production cost (one 0.5 s KDF here).
    const add = capturedIo(dir);
    expect(
      await runCli(
        ['passwords', 'add', out, '--password-file', 'pw.txt', '--new-password-file', 'pw-b.txt'],
        add.io,
      ),
    ).toBe(0);
    expect(add.stdout()).toMatch(/^Added password slot [0-9a-f]{8} to /);
    const list = cheapIo(dir);
    expect(await runCli(['passwords', 'list', out], list.io)).toBe(0);
    expect(list.stdout()).toContain('2 password slots:');
    expect(list.stdout()).toContain('scrypt N=2^10 r=8 p=1');
    expect(list.stdout()).toContain('scrypt N=2^17 r=8 p=1');
    const viaStdin = cheapIo(dir, 'skole b\n');
    expect(await runCli(['verify', out, '--password-stdin', '--quiet'], viaStdin.io)).toBe(0);
    const remove = cheapIo(dir);
    expect(
      await runCli(
        ['passwords', 'remove', out, '--password-file', 'pw.txt', '--remove-password-file', 'pw-b.txt'],
        remove.io,
      ),
    ).toBe(0);
    const last = cheapIo(dir);
    expect(
      await runCli(
        ['passwords', 'remove', out, '--password-file', 'pw.txt', '--remove-password-file', 'pw.txt'],
        last.io,
      ),
    ).toBe(1);
    expect(last.stderr()).toContain('This is the last password.');
    const refused = cheapIo(dir, 'skole b\n');
    expect(await runCli(['verify', out, '--password-stdin', '--quiet'], refused.io)).toBe(1);
    expect(refused.stderr()).toContain('Wrong password.');
  });
});
