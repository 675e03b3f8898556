import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { discussionClock } from './discussion-clock';

/** Props of {@link DiscussionTimer}. */
export interface DiscussionTimerProps {
  /** When the discussion began (ms, main's Date.now()). */
  since: number;
  /** The chapter's suggested minutes, if the course gives any. */
  minutes: number | undefined;
}

/**
 * The lecturer's discussion timer: counts up from the stop against the suggested minutes. Past them it
 * says "time is up" in words as well as colour, and announces that once (not every second).
 */
export function DiscussionTimer({ since, minutes }: DiscussionTimerProps): ReactElement {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const clock = discussionClock(since, now, minutes);
  return (
    <div className={clock.over ? 'timer over' : 'timer'} data-role="timer" data-over={clock.over}>
      <span className="timer-label">{t('film.timer.label')}</span>{' '}
      <span className="timer-time" data-role="timer-time">
        {clock.target === null
          ? clock.elapsed
          : t('film.timer.ofTarget', { elapsed: clock.elapsed, target: clock.target })}
      </span>
      <span className="timer-status" aria-live="polite">
        {clock.over ? t('film.timer.over') : ''}
      </span>
    </div>
  );
}
