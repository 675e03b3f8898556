/*
 * Small films made the way real sources come (a camera's B-frames, a phone's varying frame rate, a DVD's
 * interlaced MPEG-2, a browser's WebM, sound that starts late or early), and the measurements a test needs
 * on what the transcoder made of them: stream properties, frame times, the burnt-in frame number of every
 * frame, and when the flash is seen and the beep is heard. Every clip shows one white flash and plays one
 * beep at the same moment, so the distance between the two in the output is the A/V sync error.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FRAME_CODE_BITS,
  FRAME_CODE_CELLS,
  frameCodeLayout,
  readBurntFrameNumber,
} from '../../../../src/node/demo/frame-code';
import type { FilmPart } from '../../../../src/node/transcoder/film-part';
import { probeMedia, type MediaInfo } from '../../../../src/node/transcoder/probe-media';
import { transcodeFilm, type TranscodeOptions } from '../../../../src/node/transcoder/transcode-film';
import { ffmpeg, ffprobe, tools } from './media-fixtures';

/** The beep's pitch: far from anything else in the clips. */
const BEEP_HZ = 1000;

/** How a source clip is made. Times are on the picture's clock (its first frame is at 0). */
export interface ClipSpec {
  /** Length of the picture in seconds. */
  seconds: number;
  /** Frame rate as lavfi reads it: "25", "30000/1001". */
  rate?: string;
  size?: { width: number; height: number };
  /** The frame that flashes white (and the beep's moment): frame number, so it lies exactly on a frame. */
  flashFrame: number;
  /** Filters after the drawing (e.g. a phone's frame drops: select), applied before encoding. */
  videoFilters?: string[];
  /** Encoder and container options for the picture (default: H.264 with B-frames, as cameras make it). */
  videoArgs?: string[];
  /** Output options of the final mux (e.g. rotation metadata, -live 1). */
  muxArgs?: string[];
  /** File name extension of the clip: the container. */
  container: string;
  /** Sound, or none. */
  audio?: {
    sampleRate?: number;
    channels?: number;
    /** Seconds after the picture's first frame that the sound starts (negative: before). */
    offset?: number;
    /** Length of the sound in seconds (default: to the picture's end). */
    seconds?: number;
    /** Encoder options (default AAC). */
    codecArgs?: string[];
  };
}

/** Frames per second of a lavfi rate string. */
export function rateOf(rate: string): number {
  const [num, den] = rate.split('/').map(Number);
  return (num ?? 0) / (den ?? 1);
}

/**
 * Draws the frame number as frame-code.ts lays it out (the same row of boxes the demo film carries), so
 * readBurntFrameNumber can tell which source frame every output frame shows.
 */
function frameCodeFilters(width: number, height: number, frame: string): string[] {
  const { x, y, cell, pad } = frameCodeLayout(width, height);
  const box = (left: number, top: number, w: number, h: number, colour: string, enable?: string): string =>
    `drawbox=x=${left}:y=${top}:w=${w}:h=${h}:color=${colour}:t=fill` +
    (enable === undefined ? '' : `:enable='${enable}'`);
  const filters = [
    box(x - pad, y - pad, FRAME_CODE_CELLS * cell + 2 * pad, cell + 2 * pad, 'black'),
    box(x, y, cell, cell, 'white'),
  ];
  for (let bit = 0; bit < FRAME_CODE_BITS; bit++) {
    filters.push(box(x + (bit + 1) * cell, y, cell, cell, 'white', `mod(trunc(${frame}/${2 ** bit}),2)`));
  }
  return filters;
}

/** Makes the clip described by `spec` in `dir`; returns its path. */
export async function makeClip(dir: string, name: string, spec: ClipSpec): Promise<string> {
  const rate = spec.rate ?? '25';
  const { width, height } = spec.size ?? { width: 160, height: 90 };
  const fps = rateOf(rate);
  const flashAt = spec.flashFrame / fps;
  // Frame numbers from the time, not from `n` (which counts from 1 in enable= in the bundled ffmpeg).
  const frame = `trunc(t*${rate}+0.5)`;
  const picture = join(dir, `${name}-picture.${spec.container}`);
  await ffmpeg([
    ...[
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=black:size=${width}x${height}:rate=${rate}:duration=${spec.seconds}`,
    ],
    '-vf',
    [
      `drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(${frame},${spec.flashFrame})'`,
      ...frameCodeFilters(width, height, frame),
      ...(spec.videoFilters ?? []),
    ].join(','),
    ...(spec.videoArgs ?? ['-c:v', 'libx264', '-preset', 'superfast', '-pix_fmt', 'yuv420p']),
    picture,
  ]);
  const out = join(dir, `${name}.${spec.container}`);
  if (spec.audio === undefined) {
    await ffmpeg(['-y', '-i', picture, '-map', '0:v', '-c', 'copy', ...(spec.muxArgs ?? []), out]);
    return out;
  }
  const offset = spec.audio.offset ?? 0;
  const soundSeconds = spec.audio.seconds ?? spec.seconds - offset;
  const beepAt = flashAt - offset; // on the sound's own clock
  const sound = join(dir, `${name}-sound.wav`);
  const wave = `if(between(t,${beepAt},${beepAt + 0.1}),0.5*sin(2*PI*${BEEP_HZ}*t),0)`;
  const channels = spec.audio.channels ?? 2;
  await ffmpeg([
    ...['-y', '-f', 'lavfi', '-i'],
    `aevalsrc='${Array.from({ length: channels }, () => wave).join('|')}':s=${spec.audio.sampleRate ?? 48000}:d=${soundSeconds}`,
    ...['-c:a', 'pcm_s16le', sound],
  ]);
  await ffmpeg([
    '-y',
    ...(offset < 0 ? ['-itsoffset', String(-offset)] : []),
    ...['-i', picture],
    ...(offset > 0 ? ['-itsoffset', String(offset)] : []),
    ...['-i', sound, '-map', '0:v', '-map', '1:a', '-c:v', 'copy'],
    ...(spec.audio.codecArgs ?? ['-c:a', 'aac', '-b:a', '96k']),
    ...(spec.muxArgs ?? []),
    out,
  ]);
  return out;
}

/** Probes and transcodes `input` the way the packer does, and writes init + segments joined into one file. */
export async function transcodeToFile(
  input: string,
  out: string,
  options: Partial<Pick<TranscodeOptions, 'maxHeight' | 'cutTimes'>> = {},
): Promise<{ source: MediaInfo; parts: FilmPart[] }> {
  const source = await probeMedia(input);
  const parts: FilmPart[] = [];
  for await (const part of transcodeFilm({
    input,
    cutTimes: options.cutTimes ?? [0, 1],
    durationSeconds: source.durationSeconds,
    source,
    preset: 'ultrafast',
    ...(options.maxHeight === undefined ? {} : { maxHeight: options.maxHeight }),
  })) {
    parts.push(part);
  }
  writeFileSync(out, Buffer.concat(parts.map((part) => part.data)));
  return { source, parts };
}

/** What a packed film turned out to be. */
export interface PackedFilm {
  width: number;
  height: number;
  /** Sample aspect ratio ("1:1" for square pixels). */
  sar: string;
  frameRate: string;
  /** Presentation time of every video frame, in order. */
  frameTimes: number[];
  /** The source frame number each output frame shows (null where the code cannot be read). */
  frameCodes: (number | null)[];
  /** When the white flash is first seen, in seconds. */
  flashAt: number | undefined;
  /** When the beep is first heard, in seconds. */
  beepAt: number | undefined;
  audio: { channels: number; sampleRate: number; seconds: number } | undefined;
  videoSeconds: number;
}

/** Measures a joined packed film (init + segments) as a player would decode it. */
export async function measurePacked(path: string): Promise<PackedFilm> {
  const probe = JSON.parse(
    await ffprobe([
      ...[
        '-show_entries',
        'stream=codec_type,width,height,sample_aspect_ratio,r_frame_rate,channels,sample_rate,duration',
      ],
      ...['-of', 'json', path],
    ]),
  ) as { streams: Array<Record<string, string | number | undefined>> };
  const video = probe.streams.find((s) => s.codec_type === 'video');
  const audio = probe.streams.find((s) => s.codec_type === 'audio');
  if (video === undefined) throw new Error(`no video in ${path}`);
  const width = Number(video.width);
  const height = Number(video.height);
  const frameTimes = (
    await ffprobe(['-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', path])
  )
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number)
    .sort((a, b) => a - b);
  // No B-frames in the output, so decoding order is display order: frame i of the raw stream is frameTimes[i].
  const raw = await ffmpeg([
    '-i',
    path,
    '-map',
    '0:v:0',
    '-vsync',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgba',
    'pipe:1',
  ]);
  const frameBytes = width * height * 4;
  const frameCodes: (number | null)[] = [];
  let flashAt: number | undefined;
  for (let i = 0; (i + 1) * frameBytes <= raw.length; i++) {
    const rgba = raw.subarray(i * frameBytes, (i + 1) * frameBytes);
    frameCodes.push(readBurntFrameNumber(rgba, width, height));
    // The flash: the picture's top left, away from the frame code, is white (pixels (1,1) and (2,2)).
    const white = (px: number, py: number): boolean => (rgba[(py * width + px) * 4] ?? 0) > 200;
    if (flashAt === undefined && white(1, 1) && white(2, 2)) {
      flashAt = frameTimes[i];
    }
  }
  let beepAt: number | undefined;
  if (audio !== undefined) {
    const log = await ffmpegLog([
      '-i',
      path,
      '-map',
      '0:a:0',
      '-af',
      'silencedetect=n=-30dB:d=0.02',
      '-f',
      'null',
      '-',
    ]);
    // silencedetect also reports a silence that lasts to the end of the stream: that is no beep.
    const end = Number(audio.duration);
    beepAt = [...log.matchAll(/silence_end: ([\d.]+)/g)]
      .map((match) => Number(match[1]))
      .find((time) => time < end - 0.05);
  }
  return {
    width,
    height,
    sar: String(video.sample_aspect_ratio ?? '1:1'),
    frameRate: String(video.r_frame_rate),
    frameTimes,
    frameCodes,
    flashAt,
    beepAt,
    audio:
      audio === undefined
        ? undefined
        : {
            channels: Number(audio.channels),
            sampleRate: Number(audio.sample_rate),
            seconds: Number(audio.duration),
          },
    videoSeconds: Number(video.duration),
  };
}

/** Runs ffmpeg for its log (filters such as silencedetect and idet report on stderr). */
export async function ffmpegLog(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tools.ffmpeg,
      ['-hide_banner', '-nostdin', '-nostats', ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error === null ? resolve(stderr) : reject(error)),
    );
  });
}
