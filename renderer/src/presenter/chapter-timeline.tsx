import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';

/** Props of {@link ChapterTimeline}. */
export interface ChapterTimelineProps {
  chapters: readonly Chapter[];
  /** The chapter indexes the plan shows; the others are drawn faded and say so. */
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
 * is left, and which chapters the plan leaves out. A chapter is a button: the film goes to its start.
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
  const share = (seconds: number): string => `${(100 * seconds) / Math.max(duration, 1)}%`;
  const shown = Math.min(Math.max(0, position), duration);
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
            >
              <button
                type="button"
                data-role="timeline-chapter"
                data-chapter-index={index}
                data-planned={inPlan}
                aria-current={index === current ? 'step' : undefined}
                onClick={() => onGoTo(index)}
              >
                {index + 1}
                <span className="visually-hidden">
                  {t('presenter.timeline.details', {
                    title: chapter.title,
                    start: formatTime(chapter.start),
                    end: formatTime(chapter.end),
                  })}
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
        style={{ left: share(shown) }}
        aria-hidden="true"
      />
      <p className="timeline-time" data-role="timeline-time">
        {t('presenter.timeline.position', { position: formatTime(shown), duration: formatTime(duration) })}
      </p>
    </div>
  );
}
