import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildDemoFilmCommand,
  CHAPTER_COLOURS,
  chapterToneHz,
  FILTER_SCRIPT_THRESHOLD,
  GAP_COLOUR,
  makeDemoFilm,
} from '../../../../src/node/demo/demo-film';
import { readBurntFrameNumber } from '../../../../src/node/demo/frame-code';
import { findMediaTools } from '../../../../src/node/transcoder/ffmpeg-binaries';
import { MediaError } from '../../../../src/node/transcoder/media-error';
import { probeMedia } from '../../../../src/node/transcoder/probe-media';
import { planCutTimes } from '../../../../src/node/transcoder/cut-times';
import { transcodeFilm } from '../../../../src/node/transcoder/transcode-film';

const execFileAsync = promisify(execFile);
const { ffmpeg } = findMediaTools();
const WIDTH = 320;
const HEIGHT = 180;
const FPS = 25;
// Awkward titles on purpose: every character drawtext's escaping has to survive.
const CHAPTERS = [
  { title: "Del 1: «Blåbær», 'ø' & æ", start: 0.5, end: 2 },
  { title: 'Del 2, [x]; a\\b %{n} 100%', start: 2.5, end: 4 },
];

let dir: string;
let film: string;
let progress: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-demo-'));
  film = join(dir, 'demo.mp4');
  progress = [];
  await makeDemoFilm({
    out: film,
    chapters: CHAPTERS,
    durationSeconds: 4.4,
    width: WIDTH,
    height: HEIGHT,
    fps: FPS,
    onProgress: (s) => progress.push(s),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Decodes one frame to RGBA, as a browser test would from a canvas. `ffmpeg -ss t` returns the first frame
 * whose time is at or after t, so frame n is asked for a quarter frame before n / fps.
 */
async function frameAt(path: string, seconds: number): Promise<Buffer> {
  const { stdout } = await execFileAsync(
    ffmpeg,
    [
      ...['-v', 'error', '-ss', String(seconds), '-i', path, '-frames:v', '1'],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** Mono 48 kHz samples from `from` for `seconds`. */
async function samplesAt(path: string, from: number, seconds: number): Promise<Int16Array> {
  const { stdout } = await execFileAsync(
    ffmpeg,
    [
      ...['-v', 'error', '-ss', String(from), '-t', String(seconds), '-i', path],
      ...['-ac', '1', '-f', 's16le', 'pipe:1'],
    ],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return new Int16Array(stdout.buffer, stdout.byteOffset, stdout.length / 2);
}

function frameTime(frame: number, fps: number): number {
  return Math.max(0, (frame - 0.25) / fps);
}

function pixel(rgba: Buffer, x: number, y: number): [number, number, number] {
  const i = (y * WIDTH + x) * 4;
  return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
}

function hexColour(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(2), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

test('writes an H.264 + AAC film of the asked size and length, reporting progress', async () => {
  const info = await probeMedia(film);
  expect(info.video).toMatchObject({ width: WIDTH, height: HEIGHT, fps: FPS, codec: 'h264' });
  expect(info.audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
  expect(info.durationSeconds).toBeCloseTo(4.4, 1);
  expect(existsSync(`${film}.partial`)).toBe(false);
  expect(progress.length).toBeGreaterThan(0);
});

test.each([0, 13, 37, 62, 109])('the burnt-in frame number of frame %i reads back', async (frame) => {
  const rgba = await frameAt(film, frameTime(frame, FPS));
  expect(readBurntFrameNumber(rgba, WIDTH, HEIGHT)).toBe(frame);
});

test('after transcoding, every segment starts on the frame of its cut and frames keep their numbers', async () => {
  const cutTimes = planCutTimes(CHAPTERS, 4.4);
  const parts = [];
  for await (const part of transcodeFilm({ input: film, cutTimes, durationSeconds: 4.4 })) parts.push(part);
  const joined = join(dir, 'transcoded.mp4');
  writeFileSync(joined, Buffer.concat(parts.map((p) => p.data)));
  for (const part of parts) {
    if (part.kind !== 'segment') continue;
    const first = Math.round(part.startSeconds * FPS);
    expect(first).toBe(
      Math.round((cutTimes.find((t) => Math.abs(t - part.startSeconds) < 1 / FPS) ?? -1) * FPS),
    );
    expect(readBurntFrameNumber(await frameAt(joined, frameTime(first, FPS)), WIDTH, HEIGHT)).toBe(first);
    expect(readBurntFrameNumber(await frameAt(joined, frameTime(first - 1, FPS)), WIDTH, HEIGHT)).toBe(
      Math.max(0, first - 1),
    );
  }
});

test('each chapter has its own background, and the gaps a neutral one', async () => {
  const corner = async (seconds: number): Promise<[number, number, number]> =>
    pixel(await frameAt(film, seconds), WIDTH - 4, 4);
  const close = (actual: [number, number, number], wanted: [number, number, number]): void =>
    actual.forEach((channel, i) => expect(Math.abs(channel - wanted[i]!)).toBeLessThan(24));
  close(await corner(0.2), hexColour(GAP_COLOUR));
  close(await corner(1), hexColour(CHAPTER_COLOURS[0]));
  close(await corner(2.2), hexColour(GAP_COLOUR));
  close(await corner(3), hexColour(CHAPTER_COLOURS[1]));
});

test("a chapter's colour starts on its first frame and ends after its last", async () => {
  const corner = async (frame: number): Promise<[number, number, number]> =>
    pixel(await frameAt(film, frameTime(frame, FPS)), WIDTH - 4, 4);
  const near = (actual: [number, number, number], hex: string): boolean =>
    actual.every((channel, i) => Math.abs(channel - hexColour(hex)[i]!) < 24);
  // Chapter 2 spans 2.5-4 s: frames 63 (62.5 rounded up) to 99.
  expect(near(await corner(62), GAP_COLOUR)).toBe(true);
  expect(near(await corner(63), CHAPTER_COLOURS[1])).toBe(true);
  expect(near(await corner(99), CHAPTER_COLOURS[1])).toBe(true);
  expect(near(await corner(100), GAP_COLOUR)).toBe(true);
  // The last frame of the film (4.4 s = 110 frames) is there and numbered.
  expect(readBurntFrameNumber(await frameAt(film, frameTime(109, FPS)), WIDTH, HEIGHT)).toBe(109);
});

test("each chapter's tone has its own pitch, and the gaps are silent", async () => {
  const pitch = async (from: number): Promise<number> => {
    const samples = await samplesAt(film, from, 0.5);
    let crossings = 0;
    for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
    return crossings / 2 / (samples.length / 48000);
  };
  expect(Math.abs((await pitch(1)) - chapterToneHz(0))).toBeLessThan(10);
  expect(Math.abs((await pitch(3)) - chapterToneHz(1))).toBeLessThan(10);
  const gap = await samplesAt(film, 2.1, 0.3);
  expect(Math.max(...gap.map(Math.abs))).toBeLessThan(200);
});

test('a film only meant for the packer carries uncompressed sound in QuickTime, the same tones', async () => {
  const out = join(dir, 'for-packer.mov');
  await makeDemoFilm({ out, chapters: CHAPTERS, durationSeconds: 4.4, width: 160, height: 90, sound: 'pcm' });
  const info = await probeMedia(out);
  expect(info.audio).toMatchObject({ codec: 'pcm_s16le', sampleRate: 48000, channels: 2 });
  expect(info.video).toMatchObject({ width: 160, height: 90, fps: 25, codec: 'h264' });
  const samples = await samplesAt(out, 3, 0.5);
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  expect(Math.abs(crossings / 2 / (samples.length / 48000) - chapterToneHz(1))).toBeLessThan(10);
  expect(readBurntFrameNumber(await frameAt(out, frameTime(62, FPS)), 160, 90)).toBe(62);
});

test('a long graph goes to ffmpeg through a script file and still works', async () => {
  const chapters = Array.from({ length: 14 }, (_, i) => ({
    title: `Kapittel ${i + 1}: «${'å'.repeat(i)}»`,
    start: i * 0.2,
    end: i * 0.2 + 0.2,
  }));
  expect(
    buildDemoFilmCommand({ out: 'x', chapters, durationSeconds: 3, width: 160, height: 90 }).graph.length,
  ).toBeGreaterThan(FILTER_SCRIPT_THRESHOLD);
  const out = join(dir, 'long.mp4');
  await makeDemoFilm({ out, chapters, durationSeconds: 3, width: 160, height: 90 });
  const rgba = await frameAt(out, frameTime(62, 25));
  expect(readBurntFrameNumber(new Uint8Array(rgba), 160, 90)).toBe(62);
});

test('aborting stops ffmpeg, rejects with "aborted" and leaves no file', async () => {
  const out = join(dir, 'aborted.mp4');
  const controller = new AbortController();
  const made = makeDemoFilm({
    out,
    chapters: CHAPTERS,
    durationSeconds: 600,
    width: 640,
    height: 360,
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 200);
  await expect(made).rejects.toMatchObject({ code: 'aborted' });
  await expect(made).rejects.toBeInstanceOf(MediaError);
  expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
});

test('refuses sizes, rates and chapters it cannot draw', () => {
  const base = { out: 'x', chapters: [], durationSeconds: 2 };
  expect(() => buildDemoFilmCommand({ ...base, width: 161 })).toThrow(RangeError);
  expect(() => buildDemoFilmCommand({ ...base, fps: 29.97 })).toThrow(RangeError);
  expect(() => buildDemoFilmCommand({ ...base, durationSeconds: 3000 })).toThrow(RangeError);
  expect(() => buildDemoFilmCommand({ ...base, chapters: [{ title: 'x', start: 1, end: 3 }] })).toThrow(
    RangeError,
  );
  const overlapping = [
    { title: 'a', start: 0, end: 1.2 },
    { title: 'b', start: 1, end: 2 },
  ];
  expect(() => buildDemoFilmCommand({ ...base, chapters: overlapping })).toThrow(/overlap/);
  // Touching is fine, in any order.
  const touching = [
    { title: 'b', start: 1, end: 2 },
    { title: 'a', start: 0, end: 1 },
  ];
  expect(() => buildDemoFilmCommand({ ...base, chapters: touching })).not.toThrow();
});
