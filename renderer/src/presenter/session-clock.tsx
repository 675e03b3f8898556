import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { LectureSession } from '../../../src/common/lecture/lecture-state';

/** Props of {@link SessionClock}. */
export interface SessionClockProps {
  session: LectureSession | null;
  /** The time the plan allows (its budget, else its film, talks and breaks), in minutes; null: no plan time. */
  planMinutes: number | null;
}

/**
 * How long the session has run and how much of the plan's time is left, or how far over it is, in words as
 * well as colour. Counts from main's session start, so every window shows the same time.
 */
export function SessionClock({ session, planMinutes }: SessionClockProps): ReactElement {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = session === null ? 0 : Math.max(0, Math.floor((now - session.startedAt) / 1000));
  const left = planMinutes === null ? null : Math.round(planMinutes * 60) - elapsed;
  return (
    <div className="session-clock" data-role="session-clock">
      <span data-role="session-elapsed">{t('presenter.clock.elapsed', { time: formatTime(elapsed) })}</span>
      {left !== null && (
        <span
          className={left < 0 ? 'plan-left over' : 'plan-left'}
          data-role="plan-left"
          data-over={left < 0}
        >
          {left >= 0
            ? t('presenter.clock.left', { time: formatTime(left) })
            : t('presenter.clock.over', { time: formatTime(-left) })}
        </span>
      )}
    </div>
  );
}
