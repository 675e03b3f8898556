import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseManifest } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';
import type { SessionState } from '../../../src/common/session/session-state';
import { usePlanProgress } from './use-plan-progress';

/** Props of {@link SessionClock}. */
export interface SessionClockProps {
  session: SessionState;
  chapters: CourseManifest['chapters'];
  /** The playhead (s), for the forecast while a chapter plays. */
  position: number;
  /** Pauses (true) or resumes (false) the session clock in main. */
  onPause(paused: boolean): void;
}

/**
 * The header's clocks: how long the session has run, the time of day, how much of the plan's time is left
 * or how far over it is (in words as well as colour), and when the session will end if the rest goes to plan.
 * Reads main's session clock, so every window shows the same time, and leaving the view or reloading the
 * window never resets it; the lecturer may pause it (a fire drill, a long question).
 */
export function SessionClock({ session, chapters, position, onPause }: SessionClockProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { progress, now } = usePlanProgress(chapters, session, position);
  const elapsed = Math.floor(progress.elapsedSeconds);
  const left = Math.round(progress.planSeconds) - elapsed;
  const paused = session.clock.runningSince === null;
  const timeOfDay = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const endsAt = now + Math.max(0, progress.forecastSeconds - progress.elapsedSeconds) * 1000;
  return (
    <div className="session-clock" data-role="session-clock" data-paused={paused}>
      <span data-role="session-elapsed">{t('presenter.clock.elapsed', { time: formatTime(elapsed) })}</span>
      <span data-role="time-of-day">{t('plans:progress.timeOfDay', { time: timeOfDay.format(now) })}</span>
      <span className={left < 0 ? 'plan-left over' : 'plan-left'} data-role="plan-left" data-over={left < 0}>
        {left >= 0
          ? t('presenter.clock.left', { time: formatTime(left) })
          : t('presenter.clock.over', { time: formatTime(-left) })}
      </span>
      <span
        className={progress.driftSeconds >= 30 ? 'forecast-end late' : 'forecast-end'}
        data-role="forecast-end"
        data-late={progress.driftSeconds >= 30}
      >
        {t('plans:progress.forecastEnd', { time: timeOfDay.format(endsAt) })}
      </span>
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
