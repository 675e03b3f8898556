import { formatTime } from '../../../src/common/course/time';

/** The discussion timer as shown: time spent, the suggested length, and whether it has run out. */
export interface DiscussionClock {
  /** Time since the film stopped, "mm:ss". */
  elapsed: string;
  /** The chapter's suggested minutes as "mm:00", or null when the course suggests none. */
  target: string | null;
  /** The suggested time has passed. */
  over: boolean;
}

/**
 * The timer at `now` for a discussion that began at `since` (both ms, from Date.now() in main and here).
 * A clock a little behind main's (since > now) shows 00:00 rather than a negative time.
 */
export function discussionClock(since: number, now: number, minutes: number | undefined): DiscussionClock {
  const elapsedSeconds = Math.max(0, Math.floor((now - since) / 1000));
  const targetSeconds = minutes === undefined ? null : Math.round(minutes * 60);
  return {
    elapsed: formatTime(elapsedSeconds),
    target: targetSeconds === null ? null : formatTime(targetSeconds),
    over: targetSeconds !== null && elapsedSeconds >= targetSeconds,
  };
}
