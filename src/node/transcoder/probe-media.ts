import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { findMediaTools } from './ffmpeg-binaries';
import { MediaError } from './media-error';
import { looksInterlaced } from './detect-interlacing';
import { readPictureTiming } from './picture-packets';
import { runTool } from './tool-process';

/** The source's picture stream, as the transcoder needs it. */
export interface VideoInfo {
  /** ffmpeg's stream index, so the transcoder maps exactly this stream (never an attached cover picture). */
  streamIndex: number;
  /** Display size (rotation applied, as ffmpeg's autorotate will). */
  width: number;
  height: number;
  /** Mean frames per second (avg_frame_rate): right for variable-rate phone films. */
  fps: number;
  /**
   * The stream's base rate as a fraction ("30000/1001"): the rate every timestamp fits (r_frame_rate). For a
   * variable-rate film it is its fastest rate; undefined when ffprobe has none that makes sense.
   */
  baseRate: string | undefined;
  /** True when the mean rate and the base rate differ by more than 1 %: frames come at varying intervals. */
  variableRate: boolean;
  /**
   * For a variable-rate stream, the most frames shown within one second, counted from its packets (a phone
   * that slows down in low light and speeds up again); undefined for a constant rate.
   */
  busiestSecondFrames: number | undefined;
  /**
   * Whether the picture is interlaced: the stream says so (field order tt, bb, tb or bt), or ffmpeg's idet
   * filter sees combing in a sample from the film's middle (looksInterlaced).
   */
  interlaced: boolean;
  /** When the first picture is shown, in seconds on the file's clock (edit lists already applied). */
  startSeconds: number;
  /**
   * The same counted from the file's start (the earlier of picture and sound), which is where ffmpeg's
   * clock starts: how far the transcoder moves both streams so the picture starts at 0.
   */
  startAfterFileStart: number;
  codec: string;
}

/** The source's first sound stream. */
export interface AudioInfo {
  streamIndex: number;
  codec: string;
  /** Sample rate in Hz and channel count. */
  sampleRate: number;
  channels: number;
  /** When the sound starts on the file's clock, as ffprobe reads it (codec delays make this approximate). */
  startSeconds: number;
}

/** What the packer needs to know about a source film before transcoding it. */
export interface MediaInfo {
  /**
   * How long the picture runs: the packed film is exactly this long, its clock starting with its first
   * picture. Sound beyond it is cut, missing sound is padded with silence.
   */
  durationSeconds: number;
  video: VideoInfo;
  /** The first audio stream, if any. */
  audio?: AudioInfo;
}

// Only the fields we read; ffprobe's JSON has many more and zod drops them. Numbers come as strings in places.
const streamSchema = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  field_order: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  start_time: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  // Matroska keeps no per-stream duration; ffmpeg and mkvmerge write it as a DURATION tag ("HH:MM:SS.nnn").
  tags: z.object({ rotate: z.string().optional(), DURATION: z.string().optional() }).optional(),
  side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({
      duration: z.string().optional(),
      start_time: z.string().optional(),
      format_name: z.string().optional(),
    })
    .optional(),
});
type Probe = z.infer<typeof probeSchema>;
type ProbedStream = z.infer<typeof streamSchema>;

/**
 * Containers whose duration ffprobe only estimates (MPEG program/transport streams and raw elementary
 * streams): a DVD's MPEG-2 reads 3 frames short. Their picture is measured from its packets instead.
 */
const ESTIMATED_DURATION_FORMATS = /(^|,)(mpeg|mpegts|mpegvideo|h264|hevc|m4v)(,|$)/;

/** Field orders that mean interlaced pictures; "progressive" and "unknown" do not. */
const INTERLACED_FIELD_ORDERS = new Set(['tt', 'bb', 'tb', 'bt']);

/**
 * Describes a film with ffprobe. When the container does not say how long the film is (a WebM recorded by a
 * browser or OBS), the picture's packets are read to find out. Throws MediaError: 'not-found', 'unreadable',
 * 'not-media' (ffprobe cannot read it), 'no-duration' (readable, but no picture packet has a time),
 * 'no-video' (sound only, or a still image), 'tool-missing', 'aborted'.
 */
export async function probeMedia(path: string, signal?: AbortSignal): Promise<MediaInfo> {
  const absolute = resolve(path);
  await checkReadableFile(absolute);
  const tools = findMediaTools();
  let json: string;
  try {
    json = await runTool(
      tools.ffprobe,
      // `file:` keeps a name such as "http:x.mp4" or "-i.mp4" from being read as a protocol or an option.
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', `file:${absolute}`],
      { signal },
    );
  } catch (error) {
    if (error instanceof MediaError && error.code === 'failed') {
      throw new MediaError('not-media', `not a film: ${path}`, error.details, { cause: error });
    }
    throw error;
  }
  const parsed = probeSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new MediaError('not-media', `ffprobe said something unexpected about ${path}`);
  const { video, audio } = describeStreams(parsed.data, path);
  const declared = ESTIMATED_DURATION_FORMATS.test(parsed.data.format?.format_name ?? '')
    ? undefined
    : declaredPictureLength(parsed.data, video);
  let durationSeconds = declared;
  let described = video;
  if (declared === undefined || video.variableRate) {
    // One pass over the packets answers both what the container leaves out: the length, and how fast a
    // variable-rate picture really gets.
    const frameSeconds = !video.variableRate && video.fps > 0 ? 1 / video.fps : undefined;
    const timing = await readPictureTiming(absolute, video.streamIndex, { signal, frameSeconds });
    durationSeconds = declared ?? timing.endSeconds - timing.firstSeconds;
    if (video.variableRate) described = { ...described, busiestSecondFrames: timing.busiestSecondFrames };
  }
  if (!described.interlaced) {
    // The stream does not say it is interlaced; the picture may still be (an export flagged progressive).
    const middle = video.startAfterFileStart + (durationSeconds ?? 0) / 2; // -ss counts from the file's start
    described = {
      ...described,
      interlaced: await looksInterlaced(absolute, video.streamIndex, middle, { signal }),
    };
  }
  return {
    durationSeconds: durationSeconds ?? 0,
    video: described,
    ...(audio === undefined ? {} : { audio }),
  };
}

async function checkReadableFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new MediaError('unreadable', `not a file: ${path}`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new MediaError('not-found', `no such file: ${path}`);
    throw new MediaError('unreadable', `cannot read ${path}: ${String(code)}`, [], { cause: error });
  }
}

function describeStreams(probe: Probe, path: string): { video: VideoInfo; audio: AudioInfo | undefined } {
  const videoStream = probe.streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1,
  );
  const audioStream = probe.streams.find((s) => s.codec_type === 'audio');
  const formatName = probe.format?.format_name ?? '';
  if (videoStream === undefined) throw new MediaError('no-video', `no picture in ${path}`);
  // Image demuxers (png_pipe, image2, ...) report a "video" stream for a single picture.
  if (/(^|,)(image2|\w+_pipe)(,|$)/.test(formatName))
    throw new MediaError('no-video', `a still image: ${path}`);
  const video = describeVideo(videoStream, fileStartOf(probe));
  if (audioStream === undefined) return { video, audio: undefined };
  return {
    video,
    audio: {
      streamIndex: audioStream.index,
      codec: audioStream.codec_name ?? 'unknown',
      sampleRate: Number(audioStream.sample_rate ?? 0),
      channels: audioStream.channels ?? 0,
      // A sound stream without a start time starts with the picture: no offset to keep.
      startSeconds: finiteOr(Number(audioStream.start_time), video.startSeconds),
    },
  };
}

/**
 * The picture's length as the container states it: the stream's own duration (MP4, MOV), else Matroska's
 * DURATION tag (the stream's end on the file clock) minus its start, else the file's duration counted from
 * the picture's start. Undefined when none is there, as in a WebM written live.
 */
function declaredPictureLength(probe: Probe, video: VideoInfo): number | undefined {
  const stream = probe.streams.find((s) => s.index === video.streamIndex);
  return firstPositive(
    Number(stream?.duration),
    parseClock(stream?.tags?.DURATION) - video.startSeconds,
    Number(probe.format?.duration) - video.startAfterFileStart,
  );
}

/** Where the file's clock starts: ffmpeg counts every stream from here, and so does the packed film. */
function fileStartOf(probe: Probe): number {
  return finiteOr(Number(probe.format?.start_time), 0);
}

function describeVideo(stream: ProbedStream, fileStart: number): VideoInfo {
  const rotation =
    stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ??
    Number(stream.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation)) % 180 === 90;
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  // avg_frame_rate is right for variable-rate phone films (r_frame_rate can read 90000); fall back when absent.
  const average = parseRate(stream.avg_frame_rate);
  const base = parseRate(stream.r_frame_rate);
  const fps = average !== undefined && average <= 240 ? average : (base ?? 0);
  const baseUsable = base !== undefined && base <= 1000;
  return {
    streamIndex: stream.index,
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    fps,
    baseRate: baseUsable ? stream.r_frame_rate : undefined,
    variableRate: baseUsable && average !== undefined && Math.abs(average - base) > base * 0.01,
    busiestSecondFrames: undefined,
    interlaced: INTERLACED_FIELD_ORDERS.has(stream.field_order ?? ''),
    startSeconds: finiteOr(Number(stream.start_time), fileStart),
    startAfterFileStart: Math.max(0, finiteOr(Number(stream.start_time), fileStart) - fileStart),
    codec: stream.codec_name ?? 'unknown',
  };
}

function parseRate(rate: string | undefined): number | undefined {
  if (rate === undefined) return undefined;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || den === undefined || !(num > 0) || !(den > 0)) return undefined;
  return num / den;
}

/** "HH:MM:SS.fraction" to seconds; NaN for anything else. */
function parseClock(clock: string | undefined): number {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(clock?.trim() ?? '');
  if (match === null) return Number.NaN;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

function firstPositive(...values: number[]): number | undefined {
  return values.find((v) => Number.isFinite(v) && v > 0);
}
