import { z } from 'zod';
import type { PlanStep } from './plan-step';

/**
 * Who leads a step of the session: the lecturer, or the user representative (brukerrepresentant) the course
 * is built to be taught with. Also who this Plenum's user is, so the console can say "your turn".
 */
export const stepLeadSchema = z.enum(['lecturer', 'user-representative']);
/** Who leads a step. */
export type StepLead = z.infer<typeof stepLeadSchema>;

/** Every lead, in the order the editor and the role picker list them. */
export const STEP_LEADS: readonly StepLead[] = stepLeadSchema.options;

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
