import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilmPart } from '../../../../src/node/transcoder/film-part';
import { MediaError } from '../../../../src/node/transcoder/media-error';
import type { MediaInfo } from '../../../../src/node/transcoder/probe-media';
import {
  AAC_PRIMING_SAMPLES,
  outputFrameRate,
  transcodeArguments,
  transcodeFilm,
} from '../../../../src/node/transcoder/transcode-film';
import { childFfmpegCount, eventually, ffmpeg, ffprobe, keyframeTimes, lavfiInputs } from './media-fixtures';

const FRAME = 1 / 25;
let dir: string;
let input: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-transcode-'));
  input = join(dir, 'source.mp4');
  // A source with B-frames and 44.1 kHz sound, as a camera or editor would deliver it.
  await ffmpeg([
    ...lavfiInputs({ seconds: 6, size: '320x180' }),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    input,
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A source description for tests that must not probe (a file that is not a film, a file that does not exist). */
function describedSource(seconds: number): MediaInfo {
  return {
    durationSeconds: seconds,
    video: {
      ...{ streamIndex: 0, width: 320, height: 180, fps: 25, baseRate: '25/1', variableRate: false },
      busiestSecondFrames: undefined,
      ...{ interlaced: false, startSeconds: 0, startAfterFileStart: 0, codec: 'h264' },
    },
    audio: { streamIndex: 1, codec: 'aac', sampleRate: 44100, channels: 1, startSeconds: 0 },
  };
}

async function collect(parts: AsyncIterable<FilmPart>): Promise<FilmPart[]> {
  const out: FilmPart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

async function mediaErrorOf(action: Promise<unknown>): Promise<MediaError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected a MediaError');
}

test('yields init + one segment per cut, keyframes exactly at the segment starts', async () => {
  const progress: number[] = [];
  const cutTimes = [0, 2, 3.5, 6];
  const parts = await collect(
    transcodeFilm({ input, cutTimes, durationSeconds: 6, onProgress: (s) => progress.push(s) }),
  );
  expect(parts.map((p) => p.kind)).toEqual(['init', 'segment', 'segment', 'segment']);
  const segments = parts.filter((p) => p.kind === 'segment');
  // ffmpeg puts a forced keyframe on the frame nearest the requested time: 3.5 s lands on 3.52 s at 25 fps.
  segments.forEach((segment, i) =>
    expect(Math.abs(segment.startSeconds - cutTimes[i]!)).toBeLessThanOrEqual(FRAME),
  );
  for (let i = 0; i + 1 < segments.length; i++) {
    expect(segments[i]!.startSeconds + segments[i]!.durationSeconds).toBeCloseTo(
      segments[i + 1]!.startSeconds,
      6,
    );
  }
  const last = segments.at(-1)!;
  expect(last.startSeconds + last.durationSeconds).toBeCloseTo(6, 6);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)).toBeGreaterThan(5);

  const joined = join(dir, 'joined.mp4');
  writeFileSync(joined, Buffer.concat(parts.map((p) => p.data)));
  const keyframes = await keyframeTimes(joined);
  expect(keyframes).toHaveLength(segments.length);
  keyframes.forEach((t, i) => expect(t).toBeCloseTo(segments[i]!.startSeconds, 4));

  const streams = JSON.parse(
    await ffprobe([
      ...[
        '-show_entries',
        'stream=codec_type,codec_name,profile,has_b_frames,pix_fmt,sample_rate,channels,width,height',
      ],
      ...['-of', 'json', joined],
    ]),
  ) as { streams: Array<Record<string, unknown>> };
  expect(streams.streams).toEqual([
    expect.objectContaining({ codec_type: 'video', codec_name: 'h264', profile: 'High', has_b_frames: 0 }),
    expect.objectContaining({ codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 }),
  ]);
  expect(streams.streams[0]).toMatchObject({ pix_fmt: 'yuv420p', width: 320, height: 180 });
});

test('a film without sound gets a silent track, and the picture is scaled down to maxHeight', async () => {
  const silent = join(dir, 'silent.mp4');
  await ffmpeg([...lavfiInputs({ seconds: 1, size: '320x180', audio: false }), '-c:v', 'libx264', silent]);
  const parts = await collect(
    transcodeFilm({ input: silent, cutTimes: [0], durationSeconds: 1, maxHeight: 91 }),
  );
  const joined = join(dir, 'silent-joined.mp4');
  writeFileSync(joined, Buffer.concat(parts.map((p) => p.data)));
  const out = await ffprobe([
    '-show_entries',
    'stream=codec_type,width,height,channels',
    '-of',
    'csv=p=0',
    joined,
  ]);
  expect(out.trim().split('\n')).toEqual(['video,160,90', 'audio,2']);
});

test('aborting kills ffmpeg and rejects with "aborted"', async () => {
  const controller = new AbortController();
  const run = collect(
    (async function* () {
      for await (const part of transcodeFilm({
        input,
        cutTimes: [0, 2],
        durationSeconds: 6,
        preset: 'veryslow',
        signal: controller.signal,
      })) {
        controller.abort();
        yield part;
      }
    })(),
  );
  expect((await mediaErrorOf(run)).code).toBe('aborted');
  expect(await eventually(async () => (await childFfmpegCount()) === 0)).toBe(true);
});

test('a consumer that stops early leaves no ffmpeg behind', async () => {
  for await (const part of transcodeFilm({
    input,
    cutTimes: [0, 2],
    durationSeconds: 6,
    preset: 'veryslow',
  })) {
    expect(part.kind).toBe('init');
    expect(await childFfmpegCount()).toBe(1); // so the check below is not vacuous
    break;
  }
  expect(await eventually(async () => (await childFfmpegCount()) === 0)).toBe(true);
});

test('a failing ffmpeg rejects with "failed" and its last stderr lines', async () => {
  const junk = join(dir, 'junk.mp4');
  writeFileSync(junk, 'this is not a film');
  const error = await mediaErrorOf(
    collect(transcodeFilm({ input: junk, cutTimes: [0], durationSeconds: 1, source: describedSource(1) })),
  );
  expect(error.code).toBe('failed');
  expect(error.details.join('\n')).toMatch(/Invalid data/);
});

test('the command line: cuts inside the film only, fragmented MP4 on stdout, no B-frames', () => {
  const args = transcodeArguments({
    input: 'a.mp4',
    cutTimes: [6, 2, 3.5, 0, 2, -1],
    durationSeconds: 6,
    source: describedSource(6),
  });
  expect(args[args.indexOf('-force_key_frames') + 1]).toBe('0,2,3.5');
  expect(args.slice(-5)).toEqual([
    '-f',
    'mp4',
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    'pipe:1',
  ]);
  expect(args[args.indexOf('-bf') + 1]).toBe('0');
});

test('the output frame rate comes from the source: its own when constant, its fastest when varying, at most 60', () => {
  const video = describedSource(1).video;
  expect(outputFrameRate({ ...video, baseRate: '30000/1001', fps: 29.97 })).toBe('30000/1001');
  const phone = { ...video, variableRate: true };
  expect(outputFrameRate({ ...phone, baseRate: '60/1', fps: 44.2, busiestSecondFrames: 60 })).toBe('60/1');
  // ffprobe guessed 30 from the first frames, but one second of the film holds 60: it must not be dropped.
  expect(outputFrameRate({ ...phone, baseRate: '30/1', fps: 37.5, busiestSecondFrames: 60 })).toBe('60');
  expect(outputFrameRate({ ...phone, baseRate: '30/1', fps: 27, busiestSecondFrames: 30 })).toBe('30/1');
  expect(outputFrameRate({ ...phone, baseRate: '90000/1', fps: 27, busiestSecondFrames: 29 })).toBe('30');
  expect(outputFrameRate({ ...phone, baseRate: '30/1', fps: 80, busiestSecondFrames: 120 })).toBe('60');
  expect(outputFrameRate({ ...video, baseRate: '120/1', fps: 120 })).toBe('60');
  // No base rate that makes sense: the mean, rounded up to a whole number.
  expect(outputFrameRate({ ...video, baseRate: undefined, fps: 29.6 })).toBe('30');
  expect(outputFrameRate({ ...video, baseRate: undefined, fps: 0 })).toBe('1');
});

test('sound is moved with the picture and the AAC priming is taken off', () => {
  const source = describedSource(2);
  // The picture starts 0.5 s after the file does (its sound starts first): both move back by 0.5 s.
  const late = transcodeArguments({
    input: 'a.mp4',
    cutTimes: [0],
    durationSeconds: 2,
    source: { ...source, video: { ...source.video, startSeconds: 0.5, startAfterFileStart: 0.5 } },
  });
  expect(late[late.indexOf('-vf') + 1]).toMatch(/^setpts=PTS-STARTPTS,fps=25\/1,/);
  expect(late[late.indexOf('-af') + 1]).toBe(
    'asetpts=PTS-0.5/TB,aresample=48000:async=1:first_pts=0,' +
      `atrim=start_sample=${AAC_PRIMING_SAMPLES},apad`,
  );
  const silent = transcodeArguments({
    input: 'a.mp4',
    cutTimes: [0],
    durationSeconds: 2,
    source: { durationSeconds: 2, video: source.video },
  });
  expect(silent).not.toContain('-af');
  expect(silent[silent.indexOf('-t') + 1]).toBe('2');
});
