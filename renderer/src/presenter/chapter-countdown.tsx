import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';

/** Props of {@link ChapterCountdown}. */
export interface ChapterCountdownProps {
  /** The chapter the film is in. */
  chapter: Chapter;
  /** The playhead (seconds), as main reports it. */
  position: number;
}

/**
 * How long until the film stops for the discussion ("stops in 00:42"), counted from the playhead to the
 * chapter's end, so the lecturer can be ready with the first prompt; for a chapter that does not stop it
 * says the film runs on into the next. A paused film's countdown stands still with it.
 */
export function ChapterCountdown({ chapter, position }: ChapterCountdownProps): ReactElement {
  const { t } = useTranslation();
  const left = formatTime(Math.max(0, chapter.end - Math.max(position, chapter.start)));
  return (
    <p className="chapter-countdown" data-role="chapter-countdown" data-pause={chapter.pause}>
      {chapter.pause
        ? t('presenter.countdown.stops', { time: left })
        : t('presenter.countdown.runsOn', { time: left })}
    </p>
  );
}
