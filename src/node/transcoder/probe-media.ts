import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { findMediaTools } from './ffmpeg-binaries';
import { MediaError } from './media-error';
import { runTool } from './tool-process';

/** What the packer needs to know about a source film before transcoding it. */
export interface MediaInfo {
  durationSeconds: number;
  /** Display size (rotation applied, as ffmpeg's autorotate will), frames per second and codec name. */
  video?: { width: number; height: number; fps: number; codec: string };
  /** The first audio stream, if any: codec name, sample rate in Hz and channel count. */
  audio?: { codec: string; sampleRate: number; channels: number };
}

// Only the fields we read; ffprobe's JSON has many more and zod drops them. Numbers come as strings in places.
const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  tags: z.object({ rotate: z.string().optional() }).optional(),
  side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }).optional(),
});
type ProbedStream = z.infer<typeof streamSchema>;

/**
 * Describes a film with ffprobe. Throws MediaError: 'not-found', 'unreadable', 'not-media' (ffprobe cannot
 * read it or it has no duration), 'no-video' (sound only, or a still image), 'tool-missing', 'aborted'.
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
  return describe(parsed.data, path);
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

function describe(probe: z.infer<typeof probeSchema>, path: string): MediaInfo {
  const videoStream = probe.streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1,
  );
  const audioStream = probe.streams.find((s) => s.codec_type === 'audio');
  const formatName = probe.format?.format_name ?? '';
  if (videoStream === undefined) throw new MediaError('no-video', `no picture in ${path}`);
  // Image demuxers (png_pipe, image2, ...) report a "video" stream for a single picture.
  if (/(^|,)(image2|\w+_pipe)(,|$)/.test(formatName))
    throw new MediaError('no-video', `a still image: ${path}`);

  const durationSeconds = firstPositive(
    Number(probe.format?.duration),
    Number(videoStream.duration),
    ...probe.streams.map((s) => Number(s.duration)),
  );
  if (durationSeconds === undefined) throw new MediaError('not-media', `unknown duration: ${path}`);

  const info: MediaInfo = { durationSeconds, video: describeVideo(videoStream) };
  if (audioStream !== undefined) {
    info.audio = {
      codec: audioStream.codec_name ?? 'unknown',
      sampleRate: Number(audioStream.sample_rate ?? 0),
      channels: audioStream.channels ?? 0,
    };
  }
  return info;
}

function describeVideo(stream: ProbedStream): NonNullable<MediaInfo['video']> {
  const rotation =
    stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ??
    Number(stream.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation)) % 180 === 90;
  const width = stream.width ?? 0;
  const height = stream.height ?? 0;
  // avg_frame_rate is right for variable-rate phone films (r_frame_rate can read 90000); fall back when absent.
  const average = parseRate(stream.avg_frame_rate);
  const fps = average !== undefined && average <= 240 ? average : (parseRate(stream.r_frame_rate) ?? 0);
  return {
    width: quarterTurn ? height : width,
    height: quarterTurn ? width : height,
    fps,
    codec: stream.codec_name ?? 'unknown',
  };
}

function parseRate(rate: string | undefined): number | undefined {
  if (rate === undefined) return undefined;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || den === undefined || !(num > 0) || !(den > 0)) return undefined;
  return num / den;
}

function firstPositive(...values: number[]): number | undefined {
  return values.find((v) => Number.isFinite(v) && v > 0);
}
