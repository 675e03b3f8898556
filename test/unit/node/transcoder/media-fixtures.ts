import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findMediaTools } from '../../../../src/node/transcoder/ffmpeg-binaries';

const execFileAsync = promisify(execFile);

/** The ffmpeg and ffprobe the code under test uses. */
export const tools = findMediaTools();

/** Runs ffmpeg quietly and returns its stdout (for films written to pipe:1). */
export async function ffmpeg(args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync(
    tools.ffmpeg,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args],
    {
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return stdout;
}

/** Runs ffprobe and returns its stdout as text. */
export async function ffprobe(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(tools.ffprobe, ['-v', 'error', ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Inputs for a lavfi test film: a moving test pattern and, unless `audio` is false, a 440 Hz tone. */
export function lavfiInputs(options: {
  seconds: number;
  size?: string;
  fps?: number;
  audio?: boolean;
}): string[] {
  const size = options.size ?? '160x90';
  const fps = options.fps ?? 25;
  const video = ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${fps}:duration=${options.seconds}`];
  if (options.audio === false) return video;
  return [...video, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${options.seconds}`];
}

/**
 * A tiny fragmented MP4 (64x36, low quality, mono: about 12 kB for 2 s, so a test can split it at every
 * byte offset) on a pipe, cut by ffmpeg the way transcodeFilm asks it to.
 */
export async function tinyFragmentedMp4(options: {
  seconds: number;
  keyframes: string;
  audio?: boolean;
}): Promise<Buffer> {
  return ffmpeg([
    ...lavfiInputs({ seconds: options.seconds, size: '64x36', audio: options.audio ?? true }),
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '40',
      '-pix_fmt',
      'yuv420p',
      '-bf',
      '0',
      '-g',
      '100000',
    ],
    ...['-sc_threshold', '0', '-force_key_frames', options.keyframes],
    ...(options.audio === false ? [] : ['-c:a', 'aac', '-b:a', '24k', '-ar', '48000', '-ac', '1']),
    ...['-avoid_negative_ts', 'disabled'],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
  ]);
}

/** Presentation times of the video keyframes, in seconds. */
export async function keyframeTimes(path: string): Promise<number[]> {
  const out = await ffprobe([
    ...['-select_streams', 'v:0', '-skip_frame', 'nokey', '-show_entries', 'frame=pts_time'],
    ...['-of', 'csv=p=0', path],
  ]);
  return out
    .split('\n')
    .map((line) => line.split(',')[0]?.trim() ?? '')
    .filter((line) => line !== '')
    .map(Number);
}

/** The children of this test process that are ffmpeg: none may outlive an aborted or abandoned encode. */
export async function childFfmpegCount(): Promise<number> {
  const { stdout } = await execFileAsync('ps', ['-o', 'comm=', '--ppid', String(process.pid)]).catch(() => ({
    stdout: '',
  }));
  return stdout.split('\n').filter((name) => name.trim() === 'ffmpeg').length;
}

/** Polls until `check` holds or `ms` pass; returns the last result. */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
