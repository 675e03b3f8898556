import { useEffect, useEffectEvent, useLayoutEffect, useRef, type RefObject } from 'react';
import { ROOM_TYPE_FLOOR, type FitLevel } from './room-fit-levels';

/** The two elements {@link useFitSteps} works on: the fixed box and the content laid out inside it. */
export interface FitStepsRefs {
  boxRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
}

/** Sub-pixel rounding (scrollHeight is whole pixels, the layout is not) must not count as overflow. */
const SLACK_PX = 1;

/**
 * The narrowest a line of running text may be, in its own ems (about 24 characters): a layout whose
 * columns come out narrower (three columns in a small window) does not count as fitting, however short.
 * The elements whose lines are held to it carry `data-fit-line`.
 */
const MIN_LINE_EM = 12;

/** Puts a level on the box: the layout as `data-fit-layout`, the body size as `--fit-size` (cqmin). */
function apply(box: HTMLElement, level: FitLevel, index: number): void {
  box.dataset.fitLayout = level.layout;
  box.dataset.fitLevel = String(index);
  box.style.setProperty('--fit-size', String(level.size));
}

/** Whether the content, laid out at the level now applied, fits the box's content area both ways. */
function fits(box: HTMLElement, content: HTMLElement, available: number): boolean {
  if (
    content.scrollHeight > available + SLACK_PX ||
    content.scrollWidth > content.clientWidth + SLACK_PX ||
    box.scrollWidth > box.clientWidth + SLACK_PX
  ) {
    return false;
  }
  for (const line of Array.from(content.querySelectorAll<HTMLElement>('[data-fit-line]'))) {
    const em = parseFloat(getComputedStyle(line).fontSize);
    if (line.clientWidth < MIN_LINE_EM * em) return false;
  }
  return true;
}

/**
 * Fits a room view to its box by stepping through a fixed list of levels (layout and type size, largest
 * first: see room-fit-levels.ts) and keeping the first whose content fits. The box gets `data-fit="fits"`,
 * or `data-fit="overflow"` when not even the last level (the floor) fits: the stylesheet then lets the box
 * scroll and shows the "more below" line, so nothing is ever cut off out of sight. It refits when the box
 * changes size (ResizeObserver: a window resized, a panel opened), when `contentKey` changes (another
 * prompt, all prompts) and once the fonts have loaded. Each fit lays the box out at most `levels.length`
 * times (plus one for the fallback), before the frame is painted, so nobody sees the steps. A level also
 * fails when it makes a line of running text (`data-fit-line`) narrower than a dozen ems.
 *
 * Hand-written because the fitting libraries on npm (fitty, textfit, use-fit-text, react-textfit) search
 * one element's font size in pixels; none chooses between layouts or stops at a floor, and their pixel
 * sizes would not follow the stage when the presenter's preview scales it.
 */
export function useFitSteps(levels: readonly FitLevel[], contentKey: string): FitStepsRefs {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  // The box size and content last fitted, so a ResizeObserver report of the same size costs nothing.
  const fitted = useRef({ width: -1, height: -1, key: '' });
  const fit = useEffectEvent((): void => {
    const boxElement = box.current;
    const contentElement = content.current;
    if (boxElement === null || contentElement === null) return;
    const { clientWidth: width, clientHeight: height } = boxElement;
    // Hidden (a closed window, display: none): nothing to measure; the next resize fits it.
    if (width === 0 || height === 0) return;
    const key = `${levels.map((level) => `${level.layout}@${level.size}`).join(',')}|${contentKey}`;
    const last = fitted.current;
    if (last.width === width && last.height === height && last.key === key) return;
    fitted.current = { width, height, key };
    boxElement.style.setProperty('--fit-floor', String(ROOM_TYPE_FLOOR));
    // Measured without the scrollbar an overflowing box had, so the width is the same at every level.
    boxElement.dataset.fit = 'measuring';
    const style = getComputedStyle(boxElement);
    // The padding is in container units, the same at every level: measured once per fit.
    const available = height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    for (const [index, level] of levels.entries()) {
      apply(boxElement, level, index);
      if (fits(boxElement, contentElement, available)) {
        boxElement.dataset.fit = 'fits';
        boxElement.removeAttribute('tabindex');
        return;
      }
    }
    // Not even the floor fits (more text than a screen holds): the first layout at the floor (one column,
    // the easiest to scroll through), scrolling, visibly.
    const floor = levels.at(-1)?.size;
    const fallback = levels.findIndex((level) => level.size === floor);
    const level = levels[fallback];
    if (level !== undefined) apply(boxElement, level, fallback);
    boxElement.dataset.fit = 'overflow';
    // A region that scrolls must be reachable from the keyboard (the arrow keys then scroll it).
    boxElement.tabIndex = 0;
  });

  // Before paint, on every new content (and on mount).
  useLayoutEffect(() => {
    fit();
  }, [contentKey, levels]);

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    let live = true;
    // A web font arriving late changes every line's width: fit again once they are in (a no-op otherwise).
    void document.fonts.ready.then(() => {
      if (!live) return;
      fitted.current = { width: -1, height: -1, key: '' };
      fit();
    });
    return () => {
      live = false;
      observer.disconnect();
    };
  }, []);

  return { boxRef: box, contentRef: content };
}
