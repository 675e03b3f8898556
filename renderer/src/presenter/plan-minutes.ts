import type { CourseManifest } from '../../../src/common/course/manifest';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { planTotals } from '../../../src/common/plan/plan-totals';
import { defaultPlan } from '../../../src/common/plan/plan-templates';

/**
 * The time the session has, in minutes: the plan's budget when it has one, else what the plan adds up to
 * (film, discussions and breaks); without a plan, every chapter with the course's suggested minutes.
 */
export function planMinutesOf(manifest: CourseManifest, plan: LecturePlan | null): number {
  if (plan !== null && plan.budgetMinutes !== null) return plan.budgetMinutes;
  return planTotals(plan ?? defaultPlan(manifest.chapters), manifest.chapters).totalMinutes;
}
