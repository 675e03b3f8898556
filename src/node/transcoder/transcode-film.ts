import { resolve } from 'node:path';
import { findMediaTools } from './ffmpeg-binaries';
import type { FilmPart } from './film-part';
import { splitFragmentedMp4 } from './fmp4-splitter';
import { MediaError } from './media-error';
import { Mp4FormatError } from './mp4-format-error';
import { probeMedia, type MediaInfo } from './probe-media';
import { startTool } from './tool-process';

/** Films are packed at their own size up to this height (1080p) unless the caller asks for less. */
export const DEFAULT_MAX_HEIGHT = 1080;

/** The fastest frame rate a packed film gets: faster sources are brought down to it. */
export const MAX_FRAME_RATE = 60;

/** Output sample rate; every packed film has the same sound format. */
const SAMPLE_RATE = 48000;

/**
 * Samples ffmpeg's AAC encoder puts before the sound (its priming). A fragmented MP4 without an edit list
 * cannot tell a player to skip them, so they would play first and make every film's sound 21.3 ms late.
 */
export const AAC_PRIMING_SAMPLES = 1024;

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
  /** The source as probeMedia describes it; probed when omitted. Without sound, silence is encoded. */
  source?: MediaInfo;
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
  const source = options.source ?? (await probeMedia(input, signal));
  const tools = findMediaTools();
  const run = startTool(tools.ffmpeg, transcodeArguments({ ...options, source }), { signal, onProgress });

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
      // Unless the caller stopped us: the stream was cut short because ffmpeg was killed for the abort.
      if (wasAborted(signal)) {
        throw new MediaError('aborted', 'the transcode was stopped', run.stderrTail(), { cause: error });
      }
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
export function transcodeArguments(options: TranscodeOptions & { source: MediaInfo }): string[] {
  const { durationSeconds, source } = options;
  const { audio } = source;
  // Sorted, unique, always including 0 (the first frame is a keyframe anyway; saying so keeps the list honest).
  const inside = options.cutTimes.filter((t) => t >= 0 && t < durationSeconds);
  const keyframes = [...new Set([0, ...inside].sort((a, b) => a - b).map(formatSeconds))];
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:2'],
    // `file:` keeps a name such as "http:x.mp4" or "-x.mp4" from being read as a protocol or an option.
    ['-i', `file:${resolve(options.input)}`],
    audio === undefined
      ? ['-f', 'lavfi', '-i', `anullsrc=channel_layout=stereo:sample_rate=${SAMPLE_RATE}`]
      : [],
    // By stream index, so the streams probed are the streams encoded (never a cover picture).
    [
      '-map',
      `0:${source.video.streamIndex}`,
      '-map',
      audio === undefined ? '1:a:0' : `0:${audio.streamIndex}`,
    ],
    ['-t', formatSeconds(durationSeconds)],
    ['-vf', videoFilters(source, options.maxHeight ?? DEFAULT_MAX_HEIGHT)],
    audio === undefined ? [] : ['-af', audioFilters(source.video.startAfterFileStart)],
    ['-c:v', 'libx264', '-preset', options.preset ?? 'veryfast', '-crf', String(options.crf ?? 21)],
    ['-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    // No B-frames: with them hls.js shows the picture 2 frames behind currentTime (measured-here.md).
    ['-bf', '0'],
    // Keyframes exactly at the cuts and nowhere else: no GOP limit, no scene-cut keyframes, forced IDRs.
    ['-g', '1000000', '-sc_threshold', '0', '-forced-idr', '1', '-force_key_frames', keyframes.join(',')],
    ['-c:a', 'aac', '-b:a', '128k', '-ar', String(SAMPLE_RATE), '-ac', '2'],
    // Both tracks start at exactly 0 (the filters see to it); never let the muxer shift one of them.
    ['-avoid_negative_ts', 'disabled'],
    ['-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn'],
    ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
  ].flat();
}

/**
 * The picture's filters. Interlaced sources are deinterlaced (bwdif, one frame per frame, so 25i stays 25
 * fps). The first picture is moved to time 0: the packed film's clock starts with its picture (the sound
 * is moved by as much, audioFilters). The frame rate is made constant at outputFrameRate on that clock, so
 * every frame keeps its time exactly. Height: at most maxHeight, never upscaled, even (yuv420p); width
 * from the display aspect (dar), so anamorphic sources come out with square pixels. The scale expressions
 * are quoted so their commas stay inside them.
 */
function videoFilters(source: MediaInfo, maxHeight: number): string {
  const height = `trunc(min(ih,${Math.floor(maxHeight)})/2)*2`;
  return [
    ...(source.video.interlaced ? ['bwdif=mode=send_frame:parity=auto:deint=all'] : []),
    'setpts=PTS-STARTPTS',
    `fps=${outputFrameRate(source.video)}`,
    `scale=w='trunc(${height}*dar/2)*2':h='${height}'`,
    'setsar=1',
    'format=yuv420p',
  ].join(',');
}

/**
 * The sound's filters, given where the picture starts after the file's start. ffmpeg counts every stream
 * from the file's start, edit lists and codec delays applied as it decodes them, so moving the sound back
 * by the picture's start keeps it in its place against the picture (its own start time, as ffprobe reads
 * it, is not used: for Opus it counts the decoder's pre-skip, which moved the sound 7 ms off). aresample
 * (first_pts=0) then fills the time before a late sound with silence, drops sound from before the first
 * picture, and fills any gap inside the stream. The encoder's priming samples are taken off the front
 * (AAC_PRIMING_SAMPLES), so what plays at time t is what the source plays at t. apad with the output's -t
 * makes the sound exactly as long as the picture: a player's buffer never ends early, so playback never
 * stalls where a short sound stops.
 */
function audioFilters(pictureStartSeconds: number): string {
  return [
    ...(pictureStartSeconds > 0 ? [`asetpts=PTS-${formatSeconds(pictureStartSeconds)}/TB`] : []),
    `aresample=${SAMPLE_RATE}:async=1:first_pts=0`,
    `atrim=start_sample=${AAC_PRIMING_SAMPLES}`,
    'apad',
  ].join(',');
}

/** Rates a variable-rate film may be packed at: what phones record at, nominally. */
const VARIABLE_SOURCE_RATES = [24, 25, 30, 48, 50, 60] as const;

/**
 * The packed film's constant frame rate, as a fraction ffmpeg reads. A constant-rate source keeps its own
 * rate (r_frame_rate, so 30000/1001 and 24000/1001 stay exact). A variable-rate source, as phones record,
 * gets its fastest rate: the frames in its busiest second, rounded up to a rate phones record at (ffprobe's
 * own guess, from the first frames only, is kept when it is at least that). Never above MAX_FRAME_RATE.
 * Repeating a frame where a phone slowed down keeps the picture on time with its sound; a slower rate
 * would drop frames and let the picture trail.
 */
export function outputFrameRate(video: MediaInfo['video']): string {
  const base = video.baseRate;
  const rate = base === undefined ? Number.NaN : rateValue(base);
  const busiest = video.variableRate ? video.busiestSecondFrames : undefined;
  if (busiest !== undefined && !(rate >= busiest && rate <= MAX_FRAME_RATE)) {
    const fastest = VARIABLE_SOURCE_RATES.find((r) => r >= busiest) ?? MAX_FRAME_RATE;
    return String(Math.min(fastest, MAX_FRAME_RATE));
  }
  if (base !== undefined && rate > 0 && rate <= MAX_FRAME_RATE) return base;
  if (rate > MAX_FRAME_RATE) return String(MAX_FRAME_RATE);
  // No usable base rate: the mean rate rounded up to a whole number (at least 1), within the limit.
  return String(Math.min(MAX_FRAME_RATE, Math.max(1, Math.ceil(video.fps - 0.01))));
}

function rateValue(rate: string): number {
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !(num > 0)) return Number.NaN;
  return den === undefined ? num : den > 0 ? num / den : Number.NaN;
}

/** Read through a call, so the compiler does not keep an earlier check's answer across awaits. */
function wasAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Seconds as ffmpeg reads them: plain decimals (never exponent notation), at most microsecond precision. */
function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(6)));
}
