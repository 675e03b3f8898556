import type { LecturePhase } from './lecture-state';

/** The real seconds one chapter took in a session: its film, and the talk around it. */
export interface ChapterTime {
  filmSeconds: number;
  discussionSeconds: number;
}

/**
 * Adds the time the lecture spent in `phase` (from `fromMs` to `toMs`) to that phase's chapter: playing
 * counts as film; a discussion, and a pause inside a chapter (the class stopped the film to talk), count as
 * discussion. A break, and the time before and after the film, belong to no chapter. Returns the chapter that
 * gained time and its new total, or null; `totals` is not changed (the caller keeps the new one).
 */
export function accrueChapterTime(
  totals: ReadonlyMap<number, ChapterTime>,
  phase: LecturePhase,
  fromMs: number,
  toMs: number,
): { chapter: number; time: ChapterTime } | null {
  const seconds = Math.max(0, toMs - fromMs) / 1000;
  const before = (chapter: number): ChapterTime =>
    totals.get(chapter) ?? { filmSeconds: 0, discussionSeconds: 0 };
  switch (phase.kind) {
    case 'playing': {
      const time = before(phase.chapter);
      return { chapter: phase.chapter, time: { ...time, filmSeconds: time.filmSeconds + seconds } };
    }
    case 'paused':
    case 'discussing': {
      const time = before(phase.chapter);
      return {
        chapter: phase.chapter,
        time: { ...time, discussionSeconds: time.discussionSeconds + seconds },
      };
    }
    case 'ready':
    case 'break':
    case 'finished':
      return null;
  }
}
