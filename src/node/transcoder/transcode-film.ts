import { resolve } from 'node:path';
import { findMediaTools } from './ffmpeg-binaries';
import type { FilmPart } from './film-part';
import { splitFragmentedMp4 } from './fmp4-splitter';
import { MediaError } from './media-error';
import { Mp4FormatError } from './mp4-format-error';
import { probeMedia } from './probe-media';
import { startTool } from './tool-process';

/** What to encode and how; only `input`, `cutTimes` and `durationSeconds` are required. */
export interface TranscodeOptions {
  /** Path of the source film. */
  input: string;
  /** Segment start times from planCutTimes; times outside [0, durationSeconds) are ignored. */
  cutTimes: readonly number[];
  /** The film's duration (from probeMedia); the output is cut there. */
  durationSeconds: number;
  /** The picture is scaled down (never up) to at most this height, keeping its display aspect. */
  maxHeight?: number;
  /** Whether the source has sound; probed when omitted. Without sound, silence is encoded instead. */
  hasAudio?: boolean;
  /** x264 preset and constant rate factor: the speed/size trade-off (see docs/media-pipeline.md). */
  preset?: string;
  crf?: number;
  signal?: AbortSignal;
  /** Called with the encoded position in seconds, a few times per second. */
  onProgress?: (seconds: number) => void;
}

/**
 * Encodes a film to H.264 High (no B-frames) + AAC 48 kHz stereo as ONE fragmented MP4 on ffmpeg's stdout,
 * with keyframes only at `cutTimes`, and splits it into the init segment and one segment per cut as the
 * bytes arrive, so decrypted media never touches the disk and at most one fragment is held in memory.
 * ffmpeg is killed when `signal` aborts or the consumer stops iterating. Rejects with MediaError:
 * 'failed' (with ffmpeg's last stderr lines in `details`), 'aborted', 'tool-missing', or the probe's codes.
 */
export async function* transcodeFilm(options: TranscodeOptions): AsyncGenerator<FilmPart, void, undefined> {
  const { input, durationSeconds, signal, onProgress } = options;
  if (!(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    throw new RangeError(`durationSeconds must be positive, got ${durationSeconds}`);
  }
  if (signal?.aborted === true) throw new MediaError('aborted', 'the transcode was stopped before it began');
  const hasAudio = options.hasAudio ?? (await probeMedia(input, signal)).audio !== undefined;
  const tools = findMediaTools();
  const run = startTool(tools.ffmpeg, transcodeArguments({ ...options, hasAudio }), { signal, onProgress });

  let finished = false;
  try {
    try {
      yield* splitFragmentedMp4(run.stdout);
    } catch (error) {
      // A dying ffmpeg leaves a truncated stream behind; its own exit status explains more than the splitter.
      if (!(error instanceof Mp4FormatError)) throw error;
      run.kill();
      // Our own kill makes `done` reject ("killed by SIGKILL"); the splitter's finding is the news.
      await run.done.catch(() => undefined);
      throw new MediaError('failed', `ffmpeg wrote an unusable stream: ${error.message}`, run.stderrTail(), {
        cause: error,
      });
    }
    await run.done;
    finished = true;
  } finally {
    // Reached early when the consumer breaks out of its loop: nobody will read the rest, so stop encoding.
    if (!finished) run.kill();
  }
}

/** The ffmpeg command line for transcodeFilm; exported so tests and docs can show exactly what runs. */
export function transcodeArguments(options: TranscodeOptions & { hasAudio: boolean }): string[] {
  const maxHeight = options.maxHeight ?? 720;
  const { durationSeconds } = options;
  // Sorted, unique, always including 0 (the first frame is a keyframe anyway; saying so keeps the list honest).
  const inside = options.cutTimes.filter((t) => t >= 0 && t < durationSeconds);
  const keyframes = [...new Set([0, ...inside].sort((a, b) => a - b).map(formatSeconds))];
  // Height: at most maxHeight, never upscaled, even (yuv420p). Width from the display aspect (dar), so
  // anamorphic sources come out with square pixels. Quoted so the commas stay inside the expressions.
  const height = `trunc(min(ih,${Math.floor(maxHeight)})/2)*2`;
  const scale = `scale=w='trunc(${height}*dar/2)*2':h='${height}',setsar=1,format=yuv420p`;
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:2'],
    // `file:` keeps a name such as "http:x.mp4" or "-x.mp4" from being read as a protocol or an option.
    ['-i', `file:${resolve(options.input)}`],
    options.hasAudio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000'],
    ['-map', '0:v:0', '-map', options.hasAudio ? '0:a:0' : '1:a:0', '-t', formatSeconds(durationSeconds)],
    ['-vf', scale],
    ['-c:v', 'libx264', '-preset', options.preset ?? 'veryfast', '-crf', String(options.crf ?? 21)],
    ['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    // No B-frames: with them hls.js shows the picture 2 frames behind currentTime (measured-here.md).
    ['-bf', '0'],
    // Keyframes exactly at the cuts and nowhere else: no GOP limit, no scene-cut keyframes, forced IDRs.
    ['-g', '1000000', '-sc_threshold', '0', '-forced-idr', '1', '-force_key_frames', keyframes.join(',')],
    ['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'],
    // Without this the AAC priming delay (1024 samples) shifts every video timestamp by 21.3 ms, because an
    // empty-moov fragmented file cannot carry an edit list to hide it; video frames then miss the cut times.
    ['-avoid_negative_ts', 'disabled'],
    ['-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn'],
    ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
  ].flat();
}

/** Seconds as ffmpeg reads them: plain decimals (never exponent notation), at most microsecond precision. */
function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(6)));
}
