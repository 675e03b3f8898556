/**
 * The smallest body type on the room's screen, in hundredths of the screen's shorter side (CSS `cqmin`):
 * a thirtieth of the height on a landscape projector, 36 px at 1080 lines, 26 px at 768. That is 18 pt on
 * a 7.5-inch slide, the smallest body size that slide-making advice for lecture halls accepts; below it the
 * back row reads nothing, so the room view never goes smaller and lets the text scroll instead.
 */
export const ROOM_TYPE_FLOOR = 100 / 30;

/**
 * The body type sizes the room's views step through, largest first (cqmin), ending at the floor. Each step
 * is about a ninth smaller than the one before: big enough that a step changes what fits, small enough that
 * the type never drops more than it must.
 */
export const ROOM_TYPE_STEPS: readonly number[] = [5.2, 4.6, 4.1, 3.7, ROOM_TYPE_FLOOR];

/**
 * How a room view arranges its parts: one column; the quotation beside the prompts; the prompts (or board
 * entries) in two columns with the quotation under them; two columns of prompts with the quotation beside.
 */
export type RoomLayout = 'stack' | 'side' | 'columns' | 'columns-side';

/** One step a room view may take: a layout and a body type size (cqmin). */
export interface FitLevel {
  layout: RoomLayout;
  size: number;
}

/**
 * The levels to try, in order, for a view that can take `layouts` (narrowest first): every layout at the
 * largest size, then every layout at the next size, and so on. So the view spreads over the width before
 * its type shrinks, and shrinks only when no layout fits at the size before.
 */
export function roomFitLevels(layouts: readonly RoomLayout[]): readonly FitLevel[] {
  const distinct = layouts.filter((layout, index) => layouts.indexOf(layout) === index);
  const usable = distinct.length === 0 ? (['stack'] as const) : distinct;
  return ROOM_TYPE_STEPS.flatMap((size) => usable.map((layout) => ({ layout, size })));
}

/**
 * The layouts worth trying for a discussion: the quotation can only go beside the prompts when there is
 * one, and two columns of prompts need at least two prompts on screen.
 */
export function discussionLayouts(shownPrompts: number, hasQuote: boolean): readonly RoomLayout[] {
  const layouts: RoomLayout[] = ['stack'];
  if (hasQuote) layouts.push('side');
  if (shownPrompts >= 2) layouts.push('columns');
  if (shownPrompts >= 2 && hasQuote) layouts.push('columns-side');
  return layouts;
}
