import type { PlanStep } from './plan-step';
import type { StepLead } from './step-lead';

/**
 * Who the plan names to lead a chapter, or null when it names no one (an older plan, no plan, or a chapter
 * the plan leaves out). Only chapter steps have a lead: a break is nobody's to lead.
 */
export function chapterLead(plan: { steps: readonly PlanStep[] } | null, chapterId: string): StepLead | null {
  if (plan === null) return null;
  for (const step of plan.steps)
    if (step.kind === 'chapter' && step.chapterId === chapterId) return step.lead ?? null;
  return null;
}
