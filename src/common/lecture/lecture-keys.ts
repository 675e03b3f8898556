import type { LectureCourse } from './lecture-route';
import type { LectureCommand, LectureState, PromptMode } from './lecture-state';

/** The parts of a key press the mapping reads (a DOM KeyboardEvent has them, and main builds one). */
export interface LectureKey {
  key: string;
  repeat: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** What the window shows besides the film, as far as keys care. */
export interface LectureKeyContext {
  /** The screen is blanked: any key brings the picture back and does nothing else. */
  blank: boolean;
  /** The keys overlay is open: only Esc and ? (which close it) count. */
  keysOpen: boolean;
  /** A text field has focus: only keys that never type or move a caret (a clicker's) count. */
  typing: boolean;
  /** The class board is on the room's screen (T hides it again). */
  board: boolean;
  /**
   * The discussion's prompts, which the arrow keys page and A shows all of; null outside a discussion, or
   * where the prompts are not known (main's clicker leaves those keys to the page, which knows them).
   */
  prompts: PromptKeys | null;
}

/** A discussion's prompts as the prompt keys see them. */
export interface PromptKeys {
  /** How many prompts the discussed chapter has. */
  count: number;
  /** The prompt the room sees (in one-at-a-time mode). */
  index: number;
  mode: PromptMode;
}

/** The prompt keys' view of a lecture: its discussion's prompts, or null when nothing is discussed. */
export function promptKeysOf(state: LectureState, course: LectureCourse): PromptKeys | null {
  const { phase } = state;
  if (phase.kind !== 'discussing') return null;
  const count = course.chapters[phase.chapter]?.prompts ?? 0;
  return count === 0 ? null : { count, index: phase.promptIndex, mode: state.promptMode };
}

/** What a key asks for: a command to main's session, or something the window does itself. */
export type LectureKeyAction =
  | { kind: 'command'; command: LectureCommand }
  | { kind: 'toggle-fullscreen' }
  | { kind: 'leave-fullscreen' }
  | { kind: 'toggle-subtitles' }
  | { kind: 'toggle-keys' }
  | { kind: 'toggle-chapters' };

/**
 * Marks a widget that moves with its own keys (the chapter overview's arrows): focus inside it counts as
 * typing, so only a clicker's keys reach the lecture, in main and in the page alike.
 */
export const OWN_KEYS_SELECTOR = '[data-keys="own"]';

// A clicker's keys never type or move a caret, so they act even while a note is being written.
const WORKS_WHILE_TYPING: ReadonlySet<string> = new Set(['PageDown', 'PageUp', 'Escape']);

/**
 * The one key map, for every window and for main's clicker (which reads keys before the page does).
 * Clickers send PageDown/PageUp (some send the arrows, and "." or B for their blank button); the up and down
 * arrows page a discussion's prompts (a four-way clicker has them) and A shows them all, O the chapters to
 * jump to, W (or ,) a white screen and H the holding screen. Held keys and
 * shortcuts with Ctrl, Alt or Meta never move the lecture, so the system's own shortcuts keep working.
 * Returns null for a key that is not the lecture's.
 */
export function lectureKeyAction(event: LectureKey, context: LectureKeyContext): LectureKeyAction | null {
  if (event.repeat) return null;
  if (context.typing && !WORKS_WHILE_TYPING.has(event.key)) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  // Blanked: the next key only brings the picture back, whatever it is (a clicker's "next" included).
  if (context.blank) return { kind: 'command', command: { type: 'unblank' } };
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
      return { kind: 'command', command: { type: 'previous' } };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'command', command: { type: 'blank' } };
    // PowerPoint's keys for a white screen; H for the holding screen with the course title.
    case 'w':
    case 'W':
    case ',':
      return { kind: 'command', command: { type: 'blank', screen: 'white' } };
    case 'h':
    case 'H':
      return { kind: 'command', command: { type: 'blank', screen: 'holding' } };
    case 'f':
    case 'F':
      return { kind: 'toggle-fullscreen' };
    case 'Escape':
      return { kind: 'leave-fullscreen' };
    case 's':
    case 'S':
      return { kind: 'toggle-subtitles' };
    case 't':
    case 'T':
      return { kind: 'command', command: { type: context.board ? 'hide-board' : 'show-board' } };
    case '?':
      return { kind: 'toggle-keys' };
    case 'o':
    case 'O':
      return { kind: 'toggle-chapters' };
    case 'ArrowDown':
      return promptCommand(context.prompts, 1);
    case 'ArrowUp':
      return promptCommand(context.prompts, -1);
    case 'a':
    case 'A':
      return context.prompts === null || context.prompts.count < 2
        ? null
        : {
            kind: 'command',
            command: { type: 'set-prompt-mode', mode: context.prompts.mode === 'all' ? 'one' : 'all' },
          };
    default: {
      const chapter = digitChapter(event.key);
      return chapter === null ? null : { kind: 'command', command: { type: 'go-to-chapter', chapter } };
    }
  }
}

/**
 * The next (`step` 1) or previous (-1) prompt as a command. With all prompts shown, either key goes back to
 * one at a time at the prompt the room had; past the first or last prompt the key is not taken (so it
 * scrolls a panel as usual), and outside a discussion neither is.
 */
function promptCommand(prompts: PromptKeys | null, step: 1 | -1): LectureKeyAction | null {
  if (prompts === null) return null;
  const type = step === 1 ? 'next-prompt' : 'previous-prompt';
  if (prompts.mode === 'all') return { kind: 'command', command: { type } };
  const target = prompts.index + step;
  if (target < 0 || target >= prompts.count) return null;
  // The reducer pages from the prompt main holds: two presses within one round trip still move twice.
  return { kind: 'command', command: { type } };
}

/** The chapter index a digit key jumps to: 1-9 are chapters 1-9, 0 the tenth. */
export function digitChapter(key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  const digit = Number(key);
  return digit === 0 ? 9 : digit - 1;
}
