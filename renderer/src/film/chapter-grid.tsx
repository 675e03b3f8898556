import { useEffect, useEffectEvent, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';

/** Props of {@link ChapterGrid}. */
export interface ChapterGridProps {
  chapters: readonly Chapter[];
  /** The chapter indexes the plan shows; the others are hatched and say so. */
  planned: ReadonlySet<number>;
  /** The chapter the lecture is in, or -1 (the overview then starts on the first). */
  current: number;
  /** Where the course's media (the stills) are served from. */
  mediaBase: string;
  onGoTo(chapter: number): void;
  onClose(): void;
}

/** The item an arrow, Home or End key moves to in a grid of `columns`, or null for a key the grid leaves. */
function moveBy(key: string, columns: number, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return Math.min(index + 1, count - 1);
    case 'ArrowLeft':
      return Math.max(index - 1, 0);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Every chapter at a glance, to jump to (reveal.js's overview, opened with O): its still, number, title,
 * length and whether the plan has it. A modal dialog: the page behind is inert, the arrow keys move
 * between chapters (one tab stop for the whole grid), Enter or a click goes to that chapter's start, and
 * Esc or O closes it; focus goes back where it was. Its keys are its own (data-keys), so main's clicker
 * and the page's key map leave the arrows to it.
 */
export function ChapterGrid({
  chapters,
  planned,
  current,
  mediaBase,
  onGoTo,
  onClose,
}: ChapterGridProps): ReactElement {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [active, setActive] = useState(() => Math.min(Math.max(current, 0), chapters.length - 1));

  const focusItem = (index: number): void => {
    list.current?.querySelector<HTMLButtonElement>(`[data-chapter-index="${index}"]`)?.focus();
  };
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const before = document.activeElement;
    element.showModal();
    list.current?.querySelector<HTMLButtonElement>('[data-role="chapter-grid-item"][tabindex="0"]')?.focus();
    return () => {
      element.close();
      // Back where the lecturer was (the button that opened it, or the timeline).
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);

  const onKeyDown = useEffectEvent((event: KeyboardEvent): void => {
    if (event.key === 'Escape' || event.key === 'o' || event.key === 'O') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Tab') {
      // Two tab stops, the close button and the grid, and Tab goes round them: focus never leaves the dialog.
      event.preventDefault();
      if (event.target === close.current) focusItem(active);
      else close.current?.focus();
      return;
    }
    if (!(event.target instanceof HTMLElement) || event.target.dataset.role !== 'chapter-grid-item') return;
    // The columns are the stylesheet's (as many as fit), so read them from the laid-out grid.
    const columns =
      list.current === null
        ? 1
        : Math.max(1, getComputedStyle(list.current).gridTemplateColumns.split(' ').length);
    const target = moveBy(event.key, columns, active, chapters.length);
    if (target === null) return;
    event.preventDefault();
    setActive(target);
    focusItem(target);
  });
  // A click on the backdrop (outside the card, which fills the dialog) closes it.
  const onClick = useEffectEvent((event: MouseEvent): void => {
    if (event.target === dialog.current) onClose();
  });
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    // Native listeners, ahead of the window's key map: a dialog that moves with its own keys is a composite
    // widget, which the lint rule against handlers on non-interactive markup does not foresee.
    const keys = (event: KeyboardEvent): void => onKeyDown(event);
    const clicks = (event: MouseEvent): void => onClick(event);
    element.addEventListener('keydown', keys);
    element.addEventListener('click', clicks);
    return () => {
      element.removeEventListener('keydown', keys);
      element.removeEventListener('click', clicks);
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="chapter-grid"
      data-role="chapter-grid"
      data-keys="own"
      aria-labelledby="chapter-grid-heading"
      aria-describedby="chapter-grid-hint"
      // The dialog's own Escape (a cancel event) closes through React, so the state stays the one truth.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="chapter-grid-head">
        <h2 id="chapter-grid-heading">{t('film.chapters.heading')}</h2>
        <p id="chapter-grid-hint" className="hint">
          {t('film.chapters.hint')}
        </p>
        <button ref={close} type="button" className="button" data-role="chapter-grid-close" onClick={onClose}>
          {t('film.chapters.close')}
        </button>
      </div>
      <ol className="chapter-grid-list" ref={list}>
        {chapters.map((chapter, index) => {
          const inPlan = planned.has(index);
          const classes = [
            'chapter-grid-item',
            inPlan ? 'planned' : 'left-out',
            index === current ? 'current' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={chapter.id}>
              <button
                type="button"
                className={classes}
                data-role="chapter-grid-item"
                data-chapter-index={index}
                data-planned={inPlan}
                aria-current={index === current ? 'step' : undefined}
                tabIndex={index === active ? 0 : -1}
                onFocus={() => setActive(index)}
                onClick={() => {
                  onGoTo(index);
                  onClose();
                }}
              >
                {chapter.still === undefined ? (
                  <span className="chapter-grid-still placeholder" aria-hidden="true">
                    {index + 1}
                  </span>
                ) : (
                  // The still is decoration here: the number and title say which chapter it is.
                  <img className="chapter-grid-still" src={`${mediaBase}${chapter.still}`} alt="" />
                )}
                <span className="chapter-grid-title">
                  <span className="chapter-grid-number">{index + 1}.</span> {chapter.title}
                </span>
                <span className="chapter-grid-meta">
                  <span>{t('film.chapters.length', { time: formatTime(chapter.end - chapter.start) })}</span>
                  {!inPlan && <span className="chapter-grid-flag">{t('film.chapters.leftOut')}</span>}
                  {index === current && (
                    <span className="chapter-grid-flag current">{t('film.chapters.current')}</span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </dialog>
  );
}
