/** A presented frame as requestVideoFrameCallback reports it. */
export interface PresentedFrame {
  /** The frame's presentation time on the film's timeline, in seconds. */
  mediaTime: number;
  /** How many frames the element has presented so far (consecutive frames differ by one). */
  presentedFrames: number;
}

/** The frame duration assumed until two consecutive frames have been seen (25 fps, the demo's rate). */
export const DEFAULT_FRAME_DURATION = 1 / 25;

/** Frame times are rounded to the container's timescale; this absorbs that rounding, far below a frame. */
const TIME_EPSILON = 1e-4;

/**
 * How far before a chapter's end the still frame is sought: inside the chapter's last frame, so that frame
 * is what stays on screen, and never the first frame of the next chapter.
 */
export const STILL_FRAME_LEAD = 0.001;

/**
 * Frames before a chapter's end at which the film is paused. Pausing exactly on the boundary needs a timer
 * that is never late; a busy page makes timers and frame callbacks late by up to ~60 ms (measured-here.md),
 * which would show the next chapter's first frames and play its sound. Pausing early and then seeking to the
 * last frame lands exactly whatever the lateness, at the price of the chapter's last 80 ms of sound.
 */
export const STOP_LEAD_FRAMES = 2;

/**
 * The least wall-clock time the pause comes before the boundary: what two frames last at 1×. At 2× two
 * frames pass in 40 ms, less than a busy page's timer lateness, so at fast speeds the lead in film time
 * grows with the rate instead (4 frames at 2×).
 */
export const MIN_STOP_LEAD_SECONDS = 0.08;

/** Slowest rate the timer arithmetic assumes, so a zero or absurd rate cannot arm a timer for ever. */
const MIN_RATE = 0.0625;

/**
 * Learns the film's frame duration from two frames: only when they are consecutive (one presented frame
 * apart) does their time difference measure a frame; a dropped frame or a seek would measure more.
 */
export function nextFrameDuration(
  previous: PresentedFrame | null,
  current: PresentedFrame,
  known: number,
): number {
  if (previous === null || current.presentedFrames - previous.presentedFrames !== 1) return known;
  const delta = current.mediaTime - previous.mediaTime;
  // Plausible frame durations only: 1 to 120 frames a second.
  return delta >= 1 / 120 - TIME_EPSILON && delta <= 1 + TIME_EPSILON ? delta : known;
}

/** Where to seek after pausing, so the picture left standing is the chapter's own last frame. */
export function stillFrameTime(chapterEnd: number, chapterStart: number): number {
  return Math.max(chapterStart, chapterEnd - STILL_FRAME_LEAD);
}

/** A chapter's span on the film's timeline. */
export interface ChapterSpan {
  start: number;
  end: number;
}

/**
 * A span of the film watched for its end while it plays: a chapter, or a statement being replayed. `pause`:
 * the film stops there with the span's last frame standing (a chapter that runs on into the next is only
 * reported).
 */
export interface WatchedSpan extends ChapterSpan {
  pause: boolean;
}

/**
 * Whether the playhead is where a chapter's playback may continue from: inside the chapter, or just before
 * its start (the previous chapter's still frame sits a millisecond before it). Anywhere else, a change of
 * chapter must seek to the chapter's start.
 */
export function isWithinChapter(time: number, chapter: ChapterSpan, slack = 0.25): boolean {
  return time >= chapter.start - slack && time < chapter.end;
}

/** The playback rate as the timer arithmetic uses it: positive and finite. */
function usableRate(playbackRate: number): number {
  return Number.isFinite(playbackRate) && playbackRate > MIN_RATE ? playbackRate : MIN_RATE;
}

/**
 * The media time at which the film pauses for a chapter ending at `chapterEnd`: {@link STOP_LEAD_FRAMES}
 * frames early, or {@link MIN_STOP_LEAD_SECONDS} of wall time early at fast speeds, whichever is earlier, but
 * never before the chapter's start.
 */
export function pausePoint(chapter: ChapterSpan, frameDuration: number, playbackRate: number): number {
  const lead = Math.max(STOP_LEAD_FRAMES * frameDuration, MIN_STOP_LEAD_SECONDS * usableRate(playbackRate));
  return Math.max(chapter.start, chapter.end - lead);
}

/**
 * Where the playhead is at wall-clock `now` (ms, performance.now()), extrapolated from a presented frame:
 * the frame at `mediaTime` is (or was) shown at `expectedDisplayTime`, and media time advances at the rate.
 */
export function positionAt(
  mediaTime: number,
  expectedDisplayTime: number,
  now: number,
  playbackRate: number,
): number {
  return mediaTime + ((now - expectedDisplayTime) / 1000) * playbackRate;
}

/**
 * Wall-clock milliseconds from a playhead at `position` until the film must pause; 0 means now. The timer is
 * re-armed from every presented frame, so its own drift never accumulates beyond one frame's worth.
 */
export function msUntilPause(
  position: number,
  chapter: ChapterSpan,
  frameDuration: number,
  playbackRate: number,
): number {
  const remaining = pausePoint(chapter, frameDuration, playbackRate) - position;
  if (remaining <= TIME_EPSILON) return 0;
  return (remaining / usableRate(playbackRate)) * 1000;
}

/**
 * The burnt-in-frame arithmetic the tests and the benchmark check against: the index (0-based, at `fps`) of a
 * chapter's last frame, the one that starts before `chapterEnd`. Boundaries fall on frames, so this is
 * `chapterEnd × fps − 1`; the rounding tolerates a boundary stored with a few microseconds of error.
 */
export function lastFrameIndex(chapterEnd: number, fps: number): number {
  return Math.ceil(chapterEnd * fps - 1e-3) - 1;
}
