/**
 * The shortest segment the regular grid may leave behind, in seconds. Shorter segments only appear where
 * the author put two chapter boundaries closer together than this.
 */
export const MIN_SEGMENT_SECONDS = 0.5;

/** A chapter's span on the film's timeline, in seconds. */
export interface ChapterSpan {
  start: number;
  end: number;
}

/**
 * Plans where the encoder forces a keyframe, which is also where each HLS segment starts: 0, every chapter
 * start and end inside the film, and a grid of `targetSegmentSeconds` counted from each of those boundaries
 * (so a chapter starts on a keyframe and its segments line up with it). A grid point is skipped when it
 * would leave less than MIN_SEGMENT_SECONDS (or less than the target, if that is smaller) before the next
 * boundary, so the last segment of a stretch is between that minimum and target + minimum long.
 * The result is sorted, unique, starts with 0 and lies in [0, durationSeconds): the film's end is not a
 * segment start. Times are rounded to the microsecond so that float noise never makes two "different" cuts.
 */
export function planCutTimes(
  chapters: readonly ChapterSpan[],
  durationSeconds: number,
  targetSegmentSeconds = 2,
): number[] {
  if (!(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    throw new RangeError(`durationSeconds must be a positive number, got ${durationSeconds}`);
  }
  if (!(Number.isFinite(targetSegmentSeconds) && targetSegmentSeconds > 0)) {
    throw new RangeError(`targetSegmentSeconds must be a positive number, got ${targetSegmentSeconds}`);
  }
  const end = toMicros(durationSeconds);
  const boundaries = new Set<number>([0, end]);
  for (const chapter of chapters) {
    for (const time of [chapter.start, chapter.end]) {
      if (!Number.isFinite(time)) throw new RangeError(`chapter times must be finite, got ${time}`);
      // Boundaries outside the film are clamped onto it: a chapter running past the end still ends there.
      boundaries.add(Math.min(Math.max(toMicros(time), 0), end));
    }
  }
  const sorted = [...boundaries].sort((a, b) => a - b);
  const step = toMicros(targetSegmentSeconds);
  const minPiece = Math.min(toMicros(MIN_SEGMENT_SECONDS), step);

  const cuts: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i] as number;
    const to = sorted[i + 1] as number;
    cuts.push(from);
    for (let t = from + step; t <= to - minPiece; t += step) cuts.push(t);
  }
  return cuts.map((micros) => micros / 1e6);
}

function toMicros(seconds: number): number {
  return Math.round(seconds * 1e6);
}
