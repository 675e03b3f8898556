import type { LectureCommand } from '../../../src/common/lecture/lecture-state';

/** The parts of a key event the mapping reads. */
export interface LectureKey {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * The lecture command a key gives on the film screen, or null. Clickers send PageDown; N and the right arrow
 * are the keyboard's. Held keys and shortcuts with modifiers never advance the lecture. (In Electron, main
 * reads PageDown and the arrows before the page does; this mapping serves the browser host and N.)
 */
export function lectureKeyCommand(event: LectureKey): LectureCommand | null {
  if (event.repeat || event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'n':
    case 'N':
      return { type: 'next' };
    default:
      return null;
  }
}
