import { z } from 'zod';

/**
 * The type sizes (CSS px) the lecturer's private notes step through with smaller/larger: from a laptop's
 * reading size up to what can be read at arm's length from a lectern.
 */
export const NOTES_FONT_SIZES = [14, 16, 18, 21, 24, 28, 32] as const;

/** The notes' size until the lecturer picks another (the console's own body size). */
export const DEFAULT_NOTES_FONT_SIZE = 16;

/** A stored notes size: whole pixels within the steps' range (a hand-edited store cannot set 900 px). */
export const notesFontSizeSchema = z
  .number()
  .int()
  .min(NOTES_FONT_SIZES[0])
  .max(NOTES_FONT_SIZES[NOTES_FONT_SIZES.length - 1] ?? DEFAULT_NOTES_FONT_SIZE);

/**
 * The next size up (`1`) or down (`-1`) from `current`, or `current` itself at either end. A size between
 * the steps (stored by another version) moves to the nearest step in that direction.
 */
export function stepNotesFontSize(current: number, direction: 1 | -1): number {
  const steps: readonly number[] = NOTES_FONT_SIZES;
  const found =
    direction === 1 ? steps.find((size) => size > current) : steps.findLast((size) => size < current);
  return found ?? current;
}
