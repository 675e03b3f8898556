import type { LecturePhase } from './lecture-state';

/**
 * The chapter a phase stands in: the one playing, paused or discussed, or the one a break follows; null
 * before the film, after it, and in a break before the first chapter.
 */
export function phaseChapter(phase: LecturePhase): number | null {
  switch (phase.kind) {
    case 'playing':
    case 'paused':
    case 'discussing':
      return phase.chapter;
    case 'break':
      return phase.after < 0 ? null : phase.after;
    case 'ready':
    case 'finished':
      return null;
  }
}
