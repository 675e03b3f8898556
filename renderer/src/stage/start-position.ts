import type { Chapter } from '../../../src/common/course/manifest';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { isWithinChapter, stillFrameTime } from '../film/chapter-stop';

/**
 * Where the film starts when a stage opens mid-lecture (a second window, the projector plugged in or out):
 * the room's last reported playhead when it lies in the current chapter, else the chapter's start; the
 * chapter's last frame during its discussion, or the last frame of the chapter a break follows.
 */
export function startPosition(chapters: readonly Chapter[], state: LectureState, position: number): number {
  const { phase } = state;
  const first = chapters[0]?.start ?? 0;
  switch (phase.kind) {
    case 'ready':
    case 'finished':
      return first;
    case 'break': {
      const before = chapters[phase.after];
      return before === undefined ? first : stillFrameTime(before.end, before.start);
    }
    case 'discussing': {
      const chapter = chapters[phase.chapter];
      return chapter === undefined ? first : stillFrameTime(chapter.end, chapter.start);
    }
    case 'playing':
    case 'paused': {
      const chapter = chapters[phase.chapter];
      if (chapter === undefined) return first;
      const atStart = phase.kind === 'paused' && phase.atStart === true;
      return !atStart && isWithinChapter(position, chapter, 0) ? position : chapter.start;
    }
  }
}
