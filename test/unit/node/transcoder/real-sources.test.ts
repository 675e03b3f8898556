/*
 * Films as course owners bring them, packed and measured: sync of a flash and a beep made at the same
 * moment, frame rate and count, the source frame behind every packed frame (burnt-in frame code), size and
 * aspect, and the sound's presence, format and length. Clips are tiny (160x90, 2-3 s) so the whole file runs
 * in well under a minute on two shared cores; the one 1080p case is marked.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePackProblem } from '../../../../src/cli/describe-pack-problem';
import { createTranslator } from '../../../../src/common/i18n/translator';
import { packCourse } from '../../../../src/node/packer/pack-course';
import { PackError, type PackProblem } from '../../../../src/node/packer/pack-problem';
import { MediaError, type MediaErrorCode } from '../../../../src/node/transcoder/media-error';
import { probeMedia } from '../../../../src/node/transcoder/probe-media';
import { transcodeArguments } from '../../../../src/node/transcoder/transcode-film';
import { CHEAP_SCRYPT } from '../../../support/course-file-fixture';
import { ffmpeg, ffprobe } from './media-fixtures';
import { ffmpegLog, makeClip, measurePacked, rateOf, transcodeToFile, type ClipSpec } from './source-clips';

/** Largest flash-to-beep distance accepted: less than one AAC frame (1024 samples at 48 kHz, 21.3 ms). */
const SYNC_TOLERANCE = 0.02;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-real-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Makes a clip, packs it, and measures the result. */
async function packClip(name: string, spec: ClipSpec, options: { maxHeight?: number } = {}) {
  const input = await makeClip(dir, name, spec);
  const out = join(dir, `${name}-packed.mp4`);
  const { source } = await transcodeToFile(input, out, options);
  return { input, source, packed: await measurePacked(out) };
}

function expectInSync(packed: { flashAt: number | undefined; beepAt: number | undefined }, at: number): void {
  expect(packed.flashAt).toBeDefined();
  expect(packed.beepAt).toBeDefined();
  expect(Math.abs(packed.flashAt! - at)).toBeLessThan(0.001);
  expect(Math.abs(packed.beepAt! - packed.flashAt!)).toBeLessThan(SYNC_TOLERANCE);
}

/** Every packed frame shows the source frame of its own time: frame i of a constant-rate film shows frame i. */
function expectEveryFrameInPlace(codes: readonly (number | null)[], count: number): void {
  expect(codes).toHaveLength(count);
  expect(codes).toEqual(Array.from({ length: count }, (_, i) => i));
}

describe('sound that does not start with the picture keeps its place', () => {
  test('sound starting 0.98 s after the picture (MP4 with an edit list)', async () => {
    const { source, packed } = await packClip('late', {
      seconds: 3,
      flashFrame: 50,
      container: 'mp4',
      audio: { offset: 0.98 },
    });
    expect(source.audio!.startSeconds - source.video.startSeconds).toBeGreaterThan(0.9);
    expectInSync(packed, 2);
    // Padded with silence in front and behind: the sound covers the whole picture.
    expect(Math.abs(packed.audio!.seconds - packed.videoSeconds)).toBeLessThan(0.03);
  });

  test('sound starting 0.5 s before the picture (Matroska)', async () => {
    const { source, packed } = await packClip('early', {
      seconds: 3,
      flashFrame: 30,
      container: 'mkv',
      audio: { offset: -0.5, codecArgs: ['-c:a', 'flac'] },
    });
    expect(source.video.startSeconds - source.audio!.startSeconds).toBeGreaterThan(0.45);
    expectInSync(packed, 1.2);
    expect(packed.frameTimes[0]).toBe(0);
  });

  test('the encoder priming is taken off: a source in sync stays in sync to the millisecond', async () => {
    const { packed } = await packClip('aligned', {
      seconds: 2,
      flashFrame: 25,
      container: 'mkv',
      audio: { codecArgs: ['-c:a', 'pcm_s16le'] },
    });
    expectInSync(packed, 1);
    // Without the compensation the beep came 21.3 ms late (1024 samples at 48 kHz).
    expect(Math.abs(packed.beepAt! - packed.flashAt!)).toBeLessThan(0.005);
  });
});

describe('sound and picture of different lengths', () => {
  test('sound 1 s shorter than the picture is padded with silence to its end', async () => {
    const { source, packed } = await packClip('short-sound', {
      seconds: 3,
      flashFrame: 25,
      container: 'mp4',
      audio: { seconds: 2 },
    });
    expect(source.durationSeconds).toBeCloseTo(3, 1);
    expect(packed.videoSeconds).toBeCloseTo(3, 2);
    expect(Math.abs(packed.audio!.seconds - 3)).toBeLessThan(0.03);
    expectInSync(packed, 1);
  });

  test('sound 1 s longer than the picture is cut at the picture’s end', async () => {
    const { source, packed } = await packClip('long-sound', {
      seconds: 2,
      flashFrame: 25,
      container: 'mp4',
      audio: { seconds: 3 },
    });
    // The film is as long as its picture: nothing after the last frame could be shown.
    expect(source.durationSeconds).toBeCloseTo(2, 2);
    expect(packed.frameTimes).toHaveLength(50);
    expect(Math.abs(packed.audio!.seconds - 2)).toBeLessThan(0.03);
    expectInSync(packed, 1);
  });

  test('a film without sound gets 2-channel silence as long as the picture', async () => {
    const { packed } = await packClip('no-sound', { seconds: 2, flashFrame: 10, container: 'mp4' });
    expect(packed.audio).toMatchObject({ channels: 2, sampleRate: 48000 });
    expect(Math.abs(packed.audio!.seconds - 2)).toBeLessThan(0.03);
    expect(packed.beepAt).toBeUndefined(); // silence throughout
    expectEveryFrameInPlace(packed.frameCodes, 50);
  });
});

describe('frame rates', () => {
  test('29.97 fps with B-frames keeps its rate and every frame', async () => {
    const { input, source, packed } = await packClip('ntsc', {
      seconds: 2,
      rate: '30000/1001',
      flashFrame: 30,
      container: 'mp4',
      audio: {},
    });
    // The source really has B-frames (frames stored out of display order), as cameras write them.
    const bFrames = await ffprobe([
      '-show_entries',
      'stream=has_b_frames',
      '-select_streams',
      'v',
      '-of',
      'csv=p=0',
      input,
    ]);
    expect(Number(bFrames.trim())).toBeGreaterThan(0);
    expect(source.video.baseRate).toBe('30000/1001');
    expect(packed.frameRate).toBe('30000/1001');
    expectEveryFrameInPlace(packed.frameCodes, 60);
    expectInSync(packed, 30 / rateOf('30000/1001'));
  });

  test('23.976 fps .mov with 44.1 kHz sound', async () => {
    const { packed } = await packClip('film-rate', {
      seconds: 2,
      rate: '24000/1001',
      flashFrame: 24,
      container: 'mov',
      audio: { sampleRate: 44100 },
    });
    expect(packed.frameRate).toBe('24000/1001');
    expect(packed.audio).toMatchObject({ sampleRate: 48000, channels: 2 });
    expectEveryFrameInPlace(packed.frameCodes, 48);
    expectInSync(packed, 24 / rateOf('24000/1001'));
  });

  test('phone footage with a varying rate (30 then 60 fps) is packed at its fastest rate, no frame lost', async () => {
    // 60 fps drawn, every other frame dropped in the first second: as a phone slows down in low light.
    const { source, packed } = await packClip('phone', {
      seconds: 2,
      rate: '60',
      flashFrame: 90,
      container: 'mp4',
      videoFilters: ["select='gte(t,1)+not(mod(trunc(t*60+0.5),2))'"],
      videoArgs: ['-c:v', 'libx264', '-preset', 'superfast', '-pix_fmt', 'yuv420p', '-vsync', 'vfr'],
      audio: {},
    });
    expect(source.video.variableRate).toBe(true);
    expect(packed.frameRate).toBe('60/1');
    expect(packed.frameCodes).toHaveLength(120);
    packed.frameCodes.forEach((code, i) => {
      // Where the phone recorded 30 fps, each of its frames is shown twice; none is dropped or early.
      if (i < 60) expect(code).toBe(i - (i % 2));
      else expect(code).toBe(i);
    });
    expectInSync(packed, 1.5);
  });
  test('a phone film that speeds up after ffprobe has looked (4 s at 30 fps, then 2 s at 60) keeps its fast frames', async () => {
    const { source, packed } = await packClip('phone-late-60', {
      seconds: 6,
      rate: '60',
      flashFrame: 300,
      container: 'mp4',
      videoFilters: ["select='gte(t,4)+not(mod(trunc(t*60+0.5),2))'"],
      videoArgs: ['-c:v', 'libx264', '-preset', 'superfast', '-pix_fmt', 'yuv420p', '-vsync', 'vfr'],
      audio: {},
    });
    // ffprobe's own rate is guessed from the first frames: 30. The packets tell the truth.
    expect(source.video.baseRate).toBe('30/1');
    expect(source.video.busiestSecondFrames).toBe(60);
    expect(packed.frameRate).toBe('60/1');
    expect(packed.frameCodes.slice(0, 360)).toEqual(
      Array.from({ length: 360 }, (_, i) => (i < 240 ? i - (i % 2) : i)),
    );
    // The muxer wrote the source's last frame as lasting 0.067 s (6.05 s in all): it stays up that long.
    expect(packed.frameCodes.length).toBeLessThanOrEqual(364);
    expect(packed.frameCodes.slice(360).every((code) => code === 359)).toBe(true);
    expectInSync(packed, 5);
  });
});

describe('picture geometry', () => {
  test('a phone film rotated 90° comes out upright in portrait', async () => {
    const { packed } = await packClip('rotated', {
      seconds: 1,
      flashFrame: 10,
      container: 'mp4',
      muxArgs: ['-metadata:s:v:0', 'rotate=90'],
      audio: {},
    });
    expect([packed.width, packed.height]).toEqual([90, 160]);
    expectInSync(packed, 0.4);
  });

  test('anamorphic pixels (4:3 stretched to 16:9) come out square at the display aspect', async () => {
    const { packed } = await packClip('anamorphic', {
      seconds: 1,
      size: { width: 120, height: 90 },
      flashFrame: 10,
      container: 'mp4',
      videoFilters: ['setsar=4/3'],
      audio: {},
    });
    expect([packed.width, packed.height, packed.sar]).toEqual([160, 90, '1:1']);
    expectInSync(packed, 0.4);
  });

  test('[heavier: 1080p, about 2 s] 1080p is kept by default; maxHeight brings it down', async () => {
    const { packed } = await packClip('full-hd', {
      seconds: 0.4,
      rate: '10',
      size: { width: 1920, height: 1080 },
      flashFrame: 2,
      container: 'mp4',
      videoArgs: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    });
    expect([packed.width, packed.height]).toEqual([1920, 1080]);
    const args = transcodeArguments({
      input: 'film.mp4',
      cutTimes: [0],
      durationSeconds: 1,
      maxHeight: 720,
      source: await probeMedia(join(dir, 'full-hd.mp4')),
    });
    expect(args[args.indexOf('-vf') + 1]).toContain('min(ih,720)');
  });
});

describe('codecs and sound formats', () => {
  test('HEVC in Matroska with 5.1 AC-3 sound', async () => {
    const { source, packed } = await packClip('hevc', {
      seconds: 2,
      flashFrame: 25,
      container: 'mkv',
      videoArgs: [
        '-c:v',
        'libx265',
        '-preset',
        'ultrafast',
        '-x265-params',
        'log-level=error',
        '-pix_fmt',
        'yuv420p',
      ],
      audio: { channels: 6, codecArgs: ['-c:a', 'ac3', '-b:a', '192k'] },
    });
    expect(source.video.codec).toBe('hevc');
    expect(source.audio).toMatchObject({ codec: 'ac3', channels: 6 });
    expect(packed.audio).toMatchObject({ channels: 2, sampleRate: 48000 });
    expectEveryFrameInPlace(packed.frameCodes, 50);
    expectInSync(packed, 1);
  });

  test('VP9 + Opus WebM', async () => {
    const { source, packed } = await packClip('vp9', {
      seconds: 2,
      flashFrame: 25,
      container: 'webm',
      videoArgs: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'],
      audio: { codecArgs: ['-c:a', 'libopus', '-b:a', '64k'] },
    });
    expect(source.video.codec).toBe('vp9');
    expectEveryFrameInPlace(packed.frameCodes, 50);
    expectInSync(packed, 1);
  });
});

describe('interlaced sources', () => {
  /** idet's verdict over the whole clip: how many frames looked top-field-first, bottom-first, progressive. */
  async function interlaceVerdict(path: string): Promise<{ tff: number; bff: number; progressive: number }> {
    const log = await ffmpegLog(['-i', path, '-map', '0:v:0', '-vf', 'idet', '-f', 'null', '-']);
    const match = /Multi frame detection: TFF:\s*(\d+) BFF:\s*(\d+) Progressive:\s*(\d+)/.exec(log);
    if (match === null) throw new Error(`idet said nothing:\n${log}`);
    return { tff: Number(match[1]), bff: Number(match[2]), progressive: Number(match[3]) };
  }

  test('DVD-style MPEG-2 25i is detected and deinterlaced', async () => {
    // 50 moving pictures a second woven into 25 interlaced frames, top field first: combing on every edge.
    const input = join(dir, 'pal-25i.mpg');
    await ffmpeg([
      ...['-y', '-f', 'lavfi', '-i'],
      'color=c=black:size=176x144:rate=50:duration=2[bg];color=c=white:size=24x100:rate=50[bar];' +
        "[bg][bar]overlay=x='mod(t*300,150)':y=20:shortest=1",
      ...['-vf', 'tinterlace=mode=interleave_top,setfield=tff', '-c:v', 'mpeg2video', '-b:v', '2M'],
      ...['-flags', '+ilme+ildct', '-top', '1', '-f', 'mpeg', input],
    ]);
    const source = await probeMedia(input);
    expect(source.video.interlaced).toBe(true);
    const before = await interlaceVerdict(input);
    expect(before.tff).toBeGreaterThan(before.progressive);

    const out = join(dir, 'pal-25i-packed.mp4');
    await transcodeToFile(input, out);
    const after = await interlaceVerdict(out);
    expect(after.progressive).toBeGreaterThanOrEqual(45);
    expect(after.tff + after.bff).toBeLessThanOrEqual(2);
    const packed = await measurePacked(out);
    expect(packed.frameRate).toBe('25/1');
    expect(packed.frameTimes).toHaveLength(50);
  });

  test('an export flagged progressive that still carries two fields per frame is found by looking', async () => {
    // The same woven frames, but encoded by x264 as progressive: the stream says nothing of fields.
    const input = join(dir, 'woven.mp4');
    await ffmpeg([
      ...['-y', '-f', 'lavfi', '-i'],
      'color=c=black:size=176x144:rate=50:duration=2[bg];color=c=white:size=24x100:rate=50[bar];' +
        "[bg][bar]overlay=x='mod(t*300,150)':y=20:shortest=1",
      ...['-vf', 'tinterlace=mode=interleave_top', '-c:v', 'libx264', '-preset', 'ultrafast', input],
    ]);
    expect((await ffprobe(['-show_entries', 'stream=field_order', '-of', 'csv=p=0', input])).trim()).toBe(
      'progressive',
    );
    const source = await probeMedia(input);
    expect(source.video.interlaced).toBe(true);
    const out = join(dir, 'woven-packed.mp4');
    await transcodeToFile(input, out);
    expect((await interlaceVerdict(out)).progressive).toBeGreaterThanOrEqual(45);
  });

  test('a progressive film is not deinterlaced', async () => {
    const source = await probeMedia(
      await makeClip(dir, 'progressive', { seconds: 1, flashFrame: 5, container: 'mp4' }),
    );
    expect(source.video.interlaced).toBe(false);
    const args = transcodeArguments({ input: 'x.mp4', cutTimes: [0], durationSeconds: 1, source });
    expect(args[args.indexOf('-vf') + 1]).not.toContain('bwdif');
  });
});

describe('WebM without a duration, as browsers and OBS record it', () => {
  async function codeOf(action: Promise<unknown>): Promise<MediaErrorCode> {
    try {
      await action;
    } catch (error) {
      if (error instanceof MediaError) return error.code;
      throw error;
    }
    throw new Error('expected a MediaError');
  }

  /** A VP9 WebM written as a live stream to a pipe: the muxer can never go back to write the duration. */
  async function liveWebm(name: string): Promise<string> {
    const path = join(dir, name);
    const bytes = await ffmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=25:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2'],
      ...['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k', '-c:a', 'libopus'],
      ...['-f', 'webm', '-live', '1', 'pipe:1'],
    ]);
    writeFileSync(path, bytes);
    return path;
  }

  test('its length is read from its packets, and it packs', async () => {
    const input = await liveWebm('live.webm');
    // The container really says nothing about the length (so this test covers the fallback).
    expect((await ffprobe(['-show_entries', 'format=duration', '-of', 'csv=p=0', input])).trim()).toBe('N/A');
    const source = await probeMedia(input);
    expect(Math.abs(source.durationSeconds - 2)).toBeLessThanOrEqual(0.04);
    const out = join(dir, 'live-packed.mp4');
    await transcodeToFile(input, out);
    const packed = await measurePacked(out);
    expect(packed.frameTimes.length).toBeGreaterThanOrEqual(49);
    expect(packed.frameTimes.length).toBeLessThanOrEqual(50);
  });

  test('a WebM that holds no picture packets at all is refused as "no-duration"', async () => {
    const whole = readFileSync(await liveWebm('live-whole.webm'));
    // Keep the header, the track list and the first Cluster's ID and size (ID 1F 43 B6 75, then 8 bytes):
    // ffprobe opens it and lists the streams, but not one frame follows.
    const cluster = whole.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]));
    expect(cluster).toBeGreaterThan(0);
    const headerOnly = join(dir, 'header-only.webm');
    writeFileSync(headerOnly, whole.subarray(0, cluster + 12));
    expect(await codeOf(probeMedia(headerOnly))).toBe<MediaErrorCode>('no-duration');
  });

  test('packing a course with such a film says why and what to do, all in the user’s language', async () => {
    const folder = join(dir, 'kurs-uten-lengde');
    mkdirSync(folder);
    const whole = readFileSync(await liveWebm('live-course.webm'));
    const cluster = whole.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]));
    writeFileSync(join(folder, 'film.webm'), whole.subarray(0, cluster + 12));
    writeFileSync(
      join(folder, 'course.yaml'),
      'id: lengde\ntitle: Lengde\nlanguage: nb\nfilm: film.webm\nchapters:\n  - { id: en, title: En, start: 0, end: 1 }\n',
    );
    let problem: PackProblem | undefined;
    try {
      await packCourse({
        folder,
        out: join(dir, 'lengde.plenum'),
        passwords: ['et passord'],
        scrypt: CHEAP_SCRYPT,
      });
    } catch (error) {
      if (error instanceof PackError) problem = error.problem;
      else throw error;
    }
    expect(problem).toMatchObject({ kind: 'media', code: 'no-duration' });
    const nb = createTranslator('nb');
    // One Norwegian message, not the loader's Norwegian sentence around ffprobe's English reason.
    expect(describePackProblem(problem!, nb)).toEqual([nb('cli:media.noDuration')]);
    expect(nb('cli:media.noDuration')).toMatch(/lagre den på nytt/i);
  });
});
