import { formatTime } from '../../../src/common/course/time';
import { timerElapsedMs, type PhaseTimer } from '../../../src/common/lecture/phase-timer';

/** The discussion timer as shown: time spent, the suggested length, and whether it has run out. */
export interface DiscussionClock {
  /** Time since the film stopped, "mm:ss". */
  elapsed: string;
  /** The chapter's suggested minutes as "mm:00", or null when the course suggests none. */
  target: string | null;
  /** The suggested time has passed. */
  over: boolean;
  /** The lecturer has paused the timer. */
  paused: boolean;
}

/** The timer at `now` (ms, Date.now() in main and here) of a discussion, against its suggested minutes. */
export function discussionClock(
  timer: PhaseTimer,
  now: number,
  minutes: number | undefined,
): DiscussionClock {
  const elapsedSeconds = Math.floor(timerElapsedMs(timer, now) / 1000);
  const targetSeconds = minutes === undefined ? null : Math.round(minutes * 60);
  return {
    elapsed: formatTime(elapsedSeconds),
    target: targetSeconds === null ? null : formatTime(targetSeconds),
    over: targetSeconds !== null && elapsedSeconds >= targetSeconds,
    paused: timer.pausedAt !== undefined,
  };
}
