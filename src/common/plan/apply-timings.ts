import { MAX_STEP_MINUTES, type PlanStep } from './plan-step';

/** The time a session really spent on one chapter (as sessions.recordChapter stored it). */
export interface ChapterTiming {
  chapterId: string;
  filmSeconds: number;
  discussionSeconds: number;
}

/**
 * Recorded discussion seconds as whole plan minutes: rounded to the nearest minute, but never down to 0 when
 * there was a discussion at all (a short one is still a stop the plan should keep time for), and never above
 * what a plan step may hold (a window left open overnight must not make the plan unsaveable).
 */
export function recordedMinutes(discussionSeconds: number): number {
  if (discussionSeconds <= 0) return 0;
  return Math.min(MAX_STEP_MINUTES, Math.max(1, Math.round(discussionSeconds / 60)));
}

/**
 * The plan with each chapter's minutes replaced by what a rehearsal or lecture really took, so the next
 * session is planned on experience. Chapters the session did not record keep their minutes, and a recorded
 * chapter the plan leaves out stays out (a visit by number is no reason to plan it). A chapter recorded
 * more than once counts with its times added up.
 */
export function applyTimings<T extends { steps: readonly PlanStep[] }>(
  plan: T,
  timings: readonly ChapterTiming[],
): T & { steps: PlanStep[] } {
  const seconds = new Map<string, number>();
  for (const timing of timings)
    seconds.set(timing.chapterId, (seconds.get(timing.chapterId) ?? 0) + timing.discussionSeconds);
  const steps = plan.steps.map((step): PlanStep => {
    switch (step.kind) {
      case 'break':
        return step;
      case 'chapter': {
        const recorded = seconds.get(step.chapterId);
        return recorded === undefined ? step : { ...step, minutes: recordedMinutes(recorded) };
      }
    }
  });
  return { ...plan, steps };
}
