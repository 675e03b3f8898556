import { resolve } from 'node:path';
import { findMediaTools } from './ffmpeg-binaries';
import { runToolForBytes } from './tool-process';

/** The width of a still, in pixels: enough for a presenter's thumbnail, small enough to cost a few kB. */
export const STILL_WIDTH = 480;

/** ffmpeg's JPEG quality scale runs from 2 (best) to 31; 4 keeps the burnt-in text and faces sharp. */
export const STILL_QUALITY = 4;

/** A still is a few dozen kB; anything near this means ffmpeg is writing something else. */
const MAX_STILL_BYTES = 8 * 1024 * 1024;

/** Which picture to take from which film. */
export interface StillOptions {
  /** Path of the source film. */
  input: string;
  /** Where in the film, in seconds from its start: the first frame at or after this time is taken. */
  atSeconds: number;
  /** The still's width; its height follows the film's display aspect, rounded to an even number. */
  width?: number;
  /** ffmpeg's `-q:v`, 2 (best) to 31. */
  quality?: number;
  signal?: AbortSignal;
}

/**
 * Takes one frame of a film as a JPEG, straight from ffmpeg's stdout into memory, so no decoded picture is
 * ever written to disk. Returns null when the film has no picture at that time (ffmpeg then exits cleanly
 * having written nothing, e.g. where the picture ends before the sound). Rejects with MediaError: 'failed'
 * (with ffmpeg's last stderr lines in `details`), 'aborted', 'tool-missing'.
 */
export async function extractStill(options: StillOptions): Promise<Buffer | null> {
  const { atSeconds } = options;
  if (!(Number.isFinite(atSeconds) && atSeconds >= 0)) {
    throw new RangeError(`atSeconds must be a time in the film, got ${atSeconds}`);
  }
  const jpeg = await runToolForBytes(findMediaTools().ffmpeg, stillArguments(options), {
    signal: options.signal,
    maxBytes: MAX_STILL_BYTES,
  });
  return jpeg.length === 0 ? null : jpeg;
}

/** The ffmpeg command line for extractStill; exported so tests and docs can show exactly what runs. */
export function stillArguments(options: StillOptions): string[] {
  const width = Math.floor(options.width ?? STILL_WIDTH);
  // Not `scale=W:-2`: that keeps the stored aspect, which squeezes an anamorphic film. The height comes from
  // the display aspect (dar) instead, as transcodeFilm's does, and setsar=1 says the pixels are square.
  const scale = `scale=w=${width}:h='trunc(${width}/dar/2)*2',setsar=1`;
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error'],
    // -ss before -i seeks the input (fast on a long film) and then decodes up to the exact time.
    ['-ss', String(Number(options.atSeconds.toFixed(6)))],
    // `file:` keeps a name such as "http:x.mp4" or "-x.mp4" from being read as a protocol or an option.
    ['-i', `file:${resolve(options.input)}`],
    ['-map', '0:v:0', '-frames:v', '1', '-an', '-sn', '-dn', '-map_metadata', '-1'],
    ['-vf', scale],
    ['-c:v', 'mjpeg', '-q:v', String(options.quality ?? STILL_QUALITY)],
    ['-f', 'image2pipe', 'pipe:1'],
  ].flat();
}
