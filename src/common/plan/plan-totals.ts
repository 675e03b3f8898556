import { filmSeconds, wholeFilmMinutes, type PlanChapter } from './plan-chapter';
import type { PlanStep } from './plan-step';

/** How long a plan takes, against its time budget. */
export interface PlanTotals {
  /** How many chapters the plan shows. */
  chapters: number;
  /** The film the plan shows, in seconds (each chapter's end minus its start). */
  filmSeconds: number;
  /** The same film in whole minutes, rounded up, so the sum below never promises time the film takes. */
  filmMinutes: number;
  /** Discussion after the chapters the film stops at (a chapter that plays straight on has none). */
  discussionMinutes: number;
  breakMinutes: number;
  /** filmMinutes + discussionMinutes + breakMinutes. */
  totalMinutes: number;
  budgetMinutes: number | null;
  /** totalMinutes minus the budget: above 0 the plan runs over, below 0 it leaves time; null without a budget. */
  differenceMinutes: number | null;
}

/**
 * Adds up a plan the way the lecture will follow it: a step naming a chapter the course lacks, or a chapter
 * already named, is not shown (lectureRoute drops both), so it counts for nothing here either.
 */
export function planTotals(
  plan: { steps: readonly PlanStep[]; budgetMinutes: number | null },
  chapters: readonly PlanChapter[],
): PlanTotals {
  const byId = new Map(chapters.map((chapter) => [chapter.id, chapter]));
  const seen = new Set<string>();
  let count = 0;
  let seconds = 0;
  let discussion = 0;
  let breaks = 0;
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'break':
        breaks += step.minutes;
        break;
      case 'chapter': {
        const chapter = byId.get(step.chapterId);
        if (chapter === undefined || seen.has(chapter.id)) break;
        seen.add(chapter.id);
        count += 1;
        seconds += filmSeconds(chapter);
        if (chapter.pause) discussion += step.minutes;
        break;
      }
    }
  }
  const filmMinutes = wholeFilmMinutes(seconds);
  const totalMinutes = filmMinutes + discussion + breaks;
  return {
    chapters: count,
    filmSeconds: seconds,
    filmMinutes,
    discussionMinutes: discussion,
    breakMinutes: breaks,
    totalMinutes,
    budgetMinutes: plan.budgetMinutes,
    differenceMinutes: plan.budgetMinutes === null ? null : totalMinutes - plan.budgetMinutes,
  };
}
