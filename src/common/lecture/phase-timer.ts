/** The part of a discussion or break phase its timer reads: when it started counting, and whether it is paused. */
export interface PhaseTimer {
  since: number;
  pausedAt?: number | undefined;
}

/**
 * Time a discussion or break has run at `now` (ms, main's clock): a paused timer stands at its pause, and a
 * window whose clock is a little behind main's (since > now) reads zero rather than a negative time.
 */
export function timerElapsedMs(timer: PhaseTimer, now: number): number {
  return Math.max(0, (timer.pausedAt ?? now) - timer.since);
}

/**
 * A discussion's length with the minutes the lecturer added (+1 min): the plan's or course's minutes plus
 * them, or only them when neither suggests a length.
 */
export function withAddedMinutes(
  minutes: number | null | undefined,
  added: number | undefined,
): number | undefined {
  const extra = added ?? 0;
  if (minutes === null || minutes === undefined) return extra > 0 ? extra : undefined;
  return minutes + extra;
}
