import {
  DEFAULT_NOTES_FONT_SIZE,
  NOTES_FONT_SIZES,
  stepNotesFontSize,
} from '../../../src/common/notes/notes-font-size';
import { useSettings } from '../settings/use-settings';

/** The notes' type size and the way to step it (a setting main keeps, so it survives a restart). */
export interface NotesFontSize {
  size: number;
  canShrink: boolean;
  canGrow: boolean;
  step(direction: 1 | -1): void;
}

/** The private notes' font size from the settings, stepped through the notes' sizes. */
export function useNotesFontSize(): NotesFontSize {
  const { settings, update } = useSettings();
  const size = settings?.notesFontSize ?? DEFAULT_NOTES_FONT_SIZE;
  return {
    size,
    canShrink: size > NOTES_FONT_SIZES[0],
    canGrow: size < (NOTES_FONT_SIZES.at(-1) ?? size),
    // A step from the size this window shows: what the lecturer sees is what grows or shrinks.
    step: (direction) =>
      void update((current) => ({ notesFontSize: stepNotesFontSize(current.notesFontSize, direction) })),
  };
}
