import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseTimer } from '../../../src/common/lecture/phase-timer';
import { useNow } from '../app/use-now';
import { discussionClock } from './discussion-clock';

/** What the lecturer may do with the timer (each is a session command main carries out). */
export type TimerCommand = 'pause-timer' | 'resume-timer' | 'reset-timer' | 'add-minute';

/** Props of {@link DiscussionTimer}. */
export interface DiscussionTimerProps {
  /** The discussion's timer as main holds it (ms, main's Date.now()). */
  timer: PhaseTimer;
  /** The discussion's planned minutes (with any the lecturer added), if the plan or course gives any. */
  minutes: number | undefined;
  /** The lecturer's controls (pause/resume, reset, +1 min); absent where the timer is only shown. */
  onCommand?: (command: TimerCommand) => void;
  /** What the timer times (a discussion unless told: a break's timer has the same controls). */
  label?: string;
}

/**
 * The lecturer's discussion timer: counts up from the stop against the planned minutes. Past them it says
 * "time is up" in words as well as colour, and announces that once (not every second). Where the lecturer
 * steers it, it pauses and resumes (a question that needs its own time), resets, and takes a minute more.
 */
export function DiscussionTimer({ timer, minutes, onCommand, label }: DiscussionTimerProps): ReactElement {
  const { t } = useTranslation();
  const now = useNow();
  const clock = discussionClock(timer, now, minutes);
  const status = clock.paused ? t('film.timer.paused') : clock.over ? t('film.timer.over') : '';
  return (
    <div
      className={clock.over ? 'timer over' : 'timer'}
      data-role="timer"
      data-over={clock.over}
      data-paused={clock.paused}
    >
      <span className="timer-label">{label ?? t('film.timer.label')}</span>{' '}
      <span className="timer-time" data-role="timer-time">
        {clock.target === null
          ? clock.elapsed
          : t('film.timer.ofTarget', { elapsed: clock.elapsed, target: clock.target })}
      </span>
      <span className="timer-status" data-role="timer-status" aria-live="polite">
        {status}
      </span>
      {onCommand !== undefined && (
        <span className="timer-controls" role="group" aria-label={t('film.timer.controls')}>
          <button
            type="button"
            className="button small"
            data-role="timer-pause"
            aria-pressed={clock.paused}
            onClick={() => onCommand(clock.paused ? 'resume-timer' : 'pause-timer')}
          >
            {clock.paused ? t('film.timer.resume') : t('film.timer.pause')}
          </button>
          <button
            type="button"
            className="button small"
            data-role="timer-reset"
            onClick={() => onCommand('reset-timer')}
          >
            {t('film.timer.reset')}
          </button>
          <button
            type="button"
            className="button small"
            data-role="timer-add-minute"
            onClick={() => onCommand('add-minute')}
          >
            {t('film.timer.addMinute')}
          </button>
        </span>
      )}
    </div>
  );
}
