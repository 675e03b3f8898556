import { useEffect, useMemo, useState } from 'react';
import type { PlanChapter } from '../../../src/common/plan/plan-chapter';
import { planProgress, type PlanProgress } from '../../../src/common/plan/plan-progress';
import { clockElapsedMs, type SessionState } from '../../../src/common/session/session-state';

/** How often the progress is worked out again: the clocks it feeds show whole seconds. */
const TICK_MS = 1000;

/** The session's progress along its plan at `now`, and `now` itself (ms), for the time of day shown with it. */
export interface LivePlanProgress {
  progress: PlanProgress;
  now: number;
}

/**
 * The running session against its plan, worked out anew every second from the snapshot main sent (its
 * clock, timings and phase) and the playhead, so the forecast moves while a discussion runs on.
 */
export function usePlanProgress(
  chapters: readonly PlanChapter[],
  session: SessionState,
  position: number,
): LivePlanProgress {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const { clock, lecture, timings } = session;
  const progress = useMemo(
    () =>
      planProgress({
        chapters,
        plan: lecture.plan,
        phase: lecture.phase,
        timings,
        elapsedMs: clockElapsedMs(clock, now),
        now,
        position,
      }),
    [chapters, lecture.plan, lecture.phase, timings, clock, now, position],
  );
  return { progress, now };
}
