import type { LectureCommand } from '../../../src/common/lecture/lecture-state';

/** The parts of a key event the mapping reads. */
export interface LectureKey {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** What the film screen shows besides the film, as far as keys care. */
export interface LectureKeyContext {
  /** The screen is blanked: any key brings the picture back and does nothing else. */
  blank: boolean;
  /** The keys overlay is open: only Esc and ? (which close it) count. */
  keysOpen: boolean;
}

/** What a key asks the film screen to do. */
export type LectureKeyAction =
  | { kind: 'command'; command: LectureCommand }
  /** Back: the screen adds whether the playhead is near the chapter's start (it alone knows). */
  | { kind: 'previous' }
  | { kind: 'unblank' }
  | { kind: 'toggle-fullscreen' }
  | { kind: 'leave-fullscreen' }
  | { kind: 'toggle-subtitles' }
  | { kind: 'toggle-keys' };

/** Within this many seconds of a chapter's start, "back" means the previous chapter (as a second press does). */
export const PREVIOUS_CHAPTER_WINDOW = 2;

/**
 * What a key does on the film screen, or null. Clickers send PageDown/PageUp (some send the arrows, and "."
 * or B for their blank button). Held keys and shortcuts with Ctrl, Alt or Meta never move the lecture, so
 * the browser's and the system's own shortcuts keep working. (In Electron, main reads PageDown and the
 * arrows before the page does; this mapping serves the browser host and the other keys.)
 */
export function lectureKeyAction(event: LectureKey, context: LectureKeyContext): LectureKeyAction | null {
  if (event.repeat) return null;
  // Blanked: the next key only brings the picture back, whatever it is (a clicker's "next" included).
  if (context.blank) return { kind: 'unblank' };
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (context.keysOpen) return event.key === 'Escape' || event.key === '?' ? { kind: 'toggle-keys' } : null;
  switch (event.key) {
    case ' ':
    case 'k':
    case 'K':
      return { kind: 'command', command: { type: 'toggle-play' } };
    case 'PageDown':
    case 'ArrowRight':
    case 'n':
    case 'N':
      return { kind: 'command', command: { type: 'next' } };
    case 'PageUp':
    case 'ArrowLeft':
    case 'p':
    case 'P':
      return { kind: 'previous' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'command', command: { type: 'blank' } };
    case 'f':
    case 'F':
      return { kind: 'toggle-fullscreen' };
    case 'Escape':
      return { kind: 'leave-fullscreen' };
    case 's':
    case 'S':
      return { kind: 'toggle-subtitles' };
    case '?':
      return { kind: 'toggle-keys' };
    default: {
      const chapter = digitChapter(event.key);
      return chapter === null ? null : { kind: 'command', command: { type: 'go-to-chapter', chapter } };
    }
  }
}

/** The chapter index a digit key jumps to: 1-9 are chapters 1-9, 0 the tenth. */
export function digitChapter(key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  return digit === 0 ? 9 : digit - 1;
}

/** Whether "back" at this playhead should go to the previous chapter rather than this one's start. */
export function isNearChapterStart(time: number, chapterStart: number): boolean {
  return time - chapterStart < PREVIOUS_CHAPTER_WINDOW;
}
