import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';
import { timeToStop } from './time-to-stop';

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
 * says the film runs on into the next. A paused film's countdown stands still with it. Not a live region:
 * read out every second it would drown everything else.
 */
export function ChapterCountdown({ chapter, position }: ChapterCountdownProps): ReactElement {
  const { t } = useTranslation();
  const left = timeToStop(chapter, position);
  const time = formatTime(left.seconds);
  return (
    <p className="chapter-countdown" data-role="chapter-countdown" data-kind={left.kind}>
      {left.kind === 'stops'
        ? t('presenter.countdown.stops', { time })
        : t('presenter.countdown.runsOn', { time })}
    </p>
  );
}
