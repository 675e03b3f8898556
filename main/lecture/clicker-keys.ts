import type { LectureCommand } from '../../src/common/lecture/lecture-state';

/** The parts of Electron's `Input` the mapping reads. */
export interface KeyInput {
  type: string;
  key: string;
  isAutoRepeat: boolean;
  isComposing: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
}

/** What a key does: a lecture command for the backend, or something main does to the window itself. */
export type ClickerAction =
  | { kind: 'lecture'; command: LectureCommand }
  | { kind: 'window'; action: 'toggle-full-screen' | 'leave-full-screen' };

/** What the mapping needs to know besides the key. */
export interface ClickerContext {
  /** A text field has focus: keys that type characters or move the caret belong to the page. */
  typing: boolean;
  /** The current lecture's screen is blanked. */
  blank: boolean;
}

type ClickerKey = 'next' | 'previous' | 'toggle-play' | 'blank' | 'full-screen' | 'escape';

// Presentation clickers send PageDown/PageUp, B or '.' (blank) and Escape; the rest is the keyboard.
function clickerKey(key: string): ClickerKey | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
      return 'previous';
    case ' ':
      return 'toggle-play';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'f':
    case 'F':
      return 'full-screen';
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}

// Keys that never type or move a caret, so they act even while a note is being written.
const WORKS_WHILE_TYPING: ReadonlySet<string> = new Set(['PageDown', 'PageUp', 'Escape']);

/**
 * Maps a key press to what it does in a lecture, or null when the key is not ours (the page gets it).
 * Only fresh key-downs without Ctrl/Alt/Meta count: holding a clicker button must not skip chapters, and
 * shortcuts stay shortcuts. While the screen is blanked, any lecture key brings the picture back first.
 */
export function clickerAction(input: KeyInput, context: ClickerContext): ClickerAction | null {
  if (input.type !== 'keyDown' || input.isAutoRepeat || input.isComposing) return null;
  if (input.control || input.alt || input.meta) return null;
  if (context.typing && !WORKS_WHILE_TYPING.has(input.key)) return null;
  const key = clickerKey(input.key);
  if (key === null) return null;
  const lecture = (command: LectureCommand): ClickerAction => ({ kind: 'lecture', command });
  switch (key) {
    case 'full-screen':
      return { kind: 'window', action: 'toggle-full-screen' };
    case 'escape':
      return { kind: 'window', action: 'leave-full-screen' };
    case 'next':
      return lecture(context.blank ? { type: 'unblank' } : { type: 'next' });
    case 'previous':
      return lecture(context.blank ? { type: 'unblank' } : { type: 'previous' });
    case 'toggle-play':
      return lecture(context.blank ? { type: 'unblank' } : { type: 'toggle-play' });
    case 'blank':
      return lecture(context.blank ? { type: 'unblank' } : { type: 'blank' });
  }
}
