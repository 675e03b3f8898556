import type { Chapter } from '../../../src/common/course/manifest';

/** How long until the chapter ends, and whether the film stops there for a discussion or runs on. */
export interface TimeToStop {
  kind: 'stops' | 'runs-on';
  /** Seconds from the playhead to the chapter's end, never below 0 nor above the chapter's length. */
  seconds: number;
}

/**
 * The time from the playhead to the chapter's end. A playhead still before the chapter (the window has not yet
 * heard of the jump to its start) counts from the start, and one past the end counts as 0.
 */
export function timeToStop(chapter: Pick<Chapter, 'start' | 'end' | 'pause'>, position: number): TimeToStop {
  const from = Math.min(Math.max(position, chapter.start), chapter.end);
  return { kind: chapter.pause ? 'stops' : 'runs-on', seconds: chapter.end - from };
}
