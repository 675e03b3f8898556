import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import { clockElapsedMs, type SessionClock as Clock } from '../../../src/common/session/session-state';

/** Props of {@link SessionClock}. */
export interface SessionClockProps {
  clock: Clock;
  /** The time the plan allows (its budget, else its film, talks and breaks), in minutes; null: no plan time. */
  planMinutes: number | null;
  /** Pauses (true) or resumes (false) the session clock in main. */
  onPause(paused: boolean): void;
}

/**
 * How long the session has run and how much of the plan's time is left, or how far over it is, in words as
 * well as colour. Reads main's session clock, so every window shows the same time, and leaving the view or
 * reloading the window never resets it; the lecturer may pause it (a fire drill, a long question).
 */
export function SessionClock({ clock, planMinutes, onPause }: SessionClockProps): ReactElement {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.floor(clockElapsedMs(clock, now) / 1000);
  const left = planMinutes === null ? null : Math.round(planMinutes * 60) - elapsed;
  const paused = clock.runningSince === null;
  return (
    <div className="session-clock" data-role="session-clock" data-paused={paused}>
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
      <button
        type="button"
        className="button small"
        data-role="session-clock-pause"
        aria-pressed={paused}
        onClick={() => onPause(!paused)}
      >
        {paused ? t('presenter.clock.resume') : t('presenter.clock.pause')}
      </button>
    </div>
  );
}
