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

/**
 * Whether the frame just presented is the chapter's last (or already past it): the next frame would start
 * at `mediaTime + frameDuration`, at or after the chapter's end, so the film must pause now, before that
 * frame of the next chapter is shown.
 */
export function isLastFrameOfChapter(mediaTime: number, frameDuration: number, chapterEnd: number): boolean {
  return mediaTime + frameDuration >= chapterEnd - TIME_EPSILON;
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
 * Whether the playhead is where a chapter's playback may continue from: inside the chapter, or just before
 * its start (the previous chapter's still frame sits a millisecond before it). Anywhere else, a change of
 * chapter must seek to the chapter's start.
 */
export function isWithinChapter(time: number, chapter: ChapterSpan, slack = 0.25): boolean {
  return time >= chapter.start - slack && time < chapter.end;
}
