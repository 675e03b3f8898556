import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';

/** Props of {@link ChapterTimeline}. */
export interface ChapterTimelineProps {
  chapters: readonly Chapter[];
  /** The chapter indexes the plan shows; the others are drawn hatched and say so. */
  planned: ReadonlySet<number>;
  /** The chapter the lecture is in, or -1. */
  current: number;
  /** The film's playhead (seconds) and length. */
  position: number;
  duration: number;
  onGoTo(chapter: number): void;
}

/**
 * The film as a line of chapters, each as long as it runs, with the playhead on it: where the room is, what
 * is left, and which chapters the plan leaves out (hatched, and said in words). A chapter is a button: the
 * film goes to its start. Titles show inside the chapters wide enough for them; the chapter under the
 * pointer or the keyboard's focus shows its title, times and plan in a label beneath, so a narrow chapter
 * can be read too.
 */
export function ChapterTimeline({
  chapters,
  planned,
  current,
  position,
  duration,
  onGoTo,
}: ChapterTimelineProps): ReactElement {
  const { t } = useTranslation();
  // Pointer and focus are kept apart, so the pointer leaving does not hide the label of a focused chapter.
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const share = (seconds: number): number => (100 * seconds) / Math.max(duration, 1);
  const shown = Math.min(Math.max(0, position), duration);
  const tipIndex = hovered ?? focused;
  const tipChapter = tipIndex === null ? undefined : chapters[tipIndex];
  const details = (chapter: Chapter): string =>
    t('presenter.timeline.details', {
      title: chapter.title,
      start: formatTime(chapter.start),
      end: formatTime(chapter.end),
    });
  return (
    <div className="timeline" data-role="timeline">
      <ol className="timeline-chapters" aria-label={t('presenter.timeline.label')}>
        {chapters.map((chapter, index) => {
          const inPlan = planned.has(index);
          const classes = [
            'timeline-chapter',
            inPlan ? 'planned' : 'left-out',
            index === current ? 'current' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li
              key={chapter.id}
              className={classes}
              style={{ flexGrow: Math.max(chapter.end - chapter.start, 1) }}
              onMouseEnter={() => setHovered(index)}
              onMouseLeave={() => setHovered((was) => (was === index ? null : was))}
            >
              <button
                type="button"
                data-role="timeline-chapter"
                data-chapter-index={index}
                data-planned={inPlan}
                aria-current={index === current ? 'step' : undefined}
                onFocus={() => setFocused(index)}
                onBlur={() => setFocused((was) => (was === index ? null : was))}
                onClick={() => onGoTo(index)}
              >
                <span className="timeline-number">{index + 1}</span>
                {/* Hidden by the stylesheet when the chapter is too narrow for it; the label below has it. */}
                <span className="timeline-title" aria-hidden="true">
                  {chapter.title}
                </span>
                <span className="visually-hidden">
                  {details(chapter)}
                  {inPlan ? '' : t('presenter.timeline.leftOut')}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <div
        className="timeline-playhead"
        data-role="timeline-position"
        style={{ left: `${share(shown)}%` }}
        aria-hidden="true"
      />
      {tipChapter !== undefined && tipIndex !== null && (
        // Under the chapter, kept inside the timeline: from its start in the left half, to its end in the right.
        <p
          className="timeline-tip"
          data-role="timeline-tip"
          aria-hidden="true"
          style={
            share((tipChapter.start + tipChapter.end) / 2) < 50
              ? { left: `${share(tipChapter.start)}%` }
              : { right: `${100 - share(tipChapter.end)}%` }
          }
        >
          <strong>{tipIndex + 1}</strong>
          {details(tipChapter)}
          {planned.has(tipIndex) ? '' : t('presenter.timeline.leftOut')}
        </p>
      )}
      <p className="timeline-time" data-role="timeline-time">
        {t('presenter.timeline.position', { position: formatTime(shown), duration: formatTime(duration) })}
      </p>
    </div>
  );
}
