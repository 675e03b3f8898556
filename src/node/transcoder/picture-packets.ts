import { createInterface } from 'node:readline';
import { findMediaTools } from './ffmpeg-binaries';
import { MediaError } from './media-error';
import { startTool, type ToolOptions } from './tool-process';

const BUCKET_OFFSET = 0.123;

/** What the packets of one picture stream say about its timing. */
export interface PictureTiming {
  /** The first packet's time, on the file's clock. */
  firstSeconds: number;
  /**
   * Where the picture ends on the file's clock: the end of the last packet (one without a duration lasts
   * the shortest gap seen between two). With `frameSeconds`, at least first + packets × that.
   */
  endSeconds: number;
  /** The most frames that fall within one second of the film (in buckets a second long, a half apart). */
  busiestSecondFrames: number;
}

/**
 * Reads the time of every packet of one stream, for what a container does not say or says wrongly: the
 * length of a WebM recorded live by a browser or OBS (no duration element) or of an MPEG program or
 * transport stream (an estimate; the last frames often carry no time stamp), and the fastest rate of a
 * phone's variable-rate film (ffprobe's rate is guessed from the first frames only). Only demuxes, never
 * decodes: about as fast as reading the file. Lines are handled as they come and frames are counted per
 * second, so memory stays small for any length. With `frameSeconds` (a constant-rate stream's frame
 * interval) the packet count counts too: frames without a time stamp still take their place on screen.
 * Throws MediaError 'no-duration' when no packet carries a time or the file cannot be read through.
 */
export async function readPictureTiming(
  path: string,
  streamIndex: number,
  options: Pick<ToolOptions, 'signal'> & { frameSeconds?: number | undefined } = {},
): Promise<PictureTiming> {
  const run = startTool(
    findMediaTools().ffprobe,
    // One line per packet: "pts,duration" (either may be N/A).
    [
      ...['-v', 'error', '-select_streams', String(streamIndex)],
      ...['-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', '-i', `file:${path}`],
    ],
    { signal: options.signal },
  );
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let lastDuration = 0;
  // The last packet of a live WebM has no duration: then it lasts as long as the shortest gap between two.
  let shortestGap = Number.POSITIVE_INFINITY;
  let previous: number | undefined;
  let packets = 0;
  // Frames per second counted in two sets of one-second buckets, half a second apart: order-free (B-frames
  // arrive out of order), and a steady stretch a second and a half long fills at least one bucket. The
  // buckets start 0.123 s off the whole second, where no common frame rate puts a frame, so a frame that
  // sits exactly on a boundary (every second at 30 fps) cannot be counted in two neighbouring seconds.
  const perSecond = new Map<number, number>();
  const count = (bucket: number): void => {
    perSecond.set(bucket, (perSecond.get(bucket) ?? 0) + 1);
  };
  try {
    for await (const line of createInterface({ input: run.stdout, crlfDelay: Infinity })) {
      const [ptsText, durationText] = line.split(',');
      if (line.trim() !== '') packets += 1;
      const pts = Number(ptsText);
      if (ptsText === undefined || ptsText === '' || !Number.isFinite(pts)) continue;
      if (previous !== undefined && pts > previous) shortestGap = Math.min(shortestGap, pts - previous);
      previous = pts;
      first = Math.min(first, pts);
      count(2 * Math.floor(pts - BUCKET_OFFSET));
      count(2 * Math.floor(pts - BUCKET_OFFSET - 0.5) + 1);
      if (pts >= last) {
        last = pts;
        const duration = Number(durationText);
        lastDuration = Number.isFinite(duration) && duration > 0 ? duration : 0;
      }
    }
    await run.done;
  } catch (error) {
    run.kill();
    // ffprobe opened the file a moment ago; failing to read it through means it is cut short or damaged.
    if (error instanceof MediaError && error.code === 'failed') {
      throw new MediaError('no-duration', `cannot read ${path} through`, error.details, { cause: error });
    }
    throw error;
  }
  const tail = lastDuration > 0 ? lastDuration : Number.isFinite(shortestGap) ? shortestGap : 0;
  const counted = options.frameSeconds !== undefined ? packets * options.frameSeconds : 0;
  const endSeconds = Math.max(last + tail, first + counted);
  if (!(Number.isFinite(endSeconds) && endSeconds > first)) {
    throw new MediaError('no-duration', `no picture packet in ${path} has a time`);
  }
  let busiestSecondFrames = 0;
  for (const frames of perSecond.values()) busiestSecondFrames = Math.max(busiestSecondFrames, frames);
  return { firstSeconds: first, endSeconds, busiestSecondFrames };
}
