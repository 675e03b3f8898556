import { createInterface } from 'node:readline';
import { findMediaTools } from './ffmpeg-binaries';
import { MediaError } from './media-error';
import { startTool, type ToolOptions } from './tool-process';

/**
 * Measures how long a film's picture runs by reading the time of every packet of one stream, for containers
 * that do not say (a WebM recorded live by a browser or OBS has no duration element) or only estimate it
 * (MPEG program and transport streams, where the last frames often carry no time stamp). Only demuxes,
 * never decodes: about as fast as reading the file. Lines are handled as they come, so memory stays small
 * for any length. With `frameSeconds` (a constant-rate stream's frame interval) the packet count counts too:
 * frames without a time stamp still take their place on screen. Throws MediaError 'no-duration' when no
 * packet carries a time or the file cannot be read through.
 */
export async function measurePictureLength(
  path: string,
  streamIndex: number,
  options: Pick<ToolOptions, 'signal'> & { frameSeconds?: number | undefined } = {},
): Promise<number> {
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
  try {
    for await (const line of createInterface({ input: run.stdout, crlfDelay: Infinity })) {
      const [ptsText, durationText] = line.split(',');
      if (line.trim() !== '') packets += 1;
      const pts = Number(ptsText);
      if (ptsText === undefined || ptsText === '' || !Number.isFinite(pts)) continue;
      if (previous !== undefined && pts > previous) shortestGap = Math.min(shortestGap, pts - previous);
      previous = pts;
      first = Math.min(first, pts);
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
  const length = Math.max(last + tail - first, Number.isFinite(first) ? counted : 0);
  if (!(Number.isFinite(length) && length > 0)) {
    throw new MediaError('no-duration', `no picture packet in ${path} has a time`);
  }
  return length;
}
