import { z } from 'zod';
import { stepLeadSchema } from './step-lead';

/** The most minutes one step (a discussion or a break) may plan: ten hours, far beyond any real stop. */
export const MAX_STEP_MINUTES = 600;
/** The largest time budget a plan may have, in minutes (about a working week). */
export const MAX_BUDGET_MINUTES = 10_000;
/** The longest plan name, in characters. */
export const MAX_PLAN_NAME_LENGTH = 200;

/**
 * One step of a session plan: a chapter with its discussion minutes and, optionally, who leads it (plans
 * saved before leads existed have none, and still load), or a break.
 */
export const planStepSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chapter'),
    chapterId: z.string().min(1),
    minutes: z.number().min(0).max(MAX_STEP_MINUTES),
    lead: stepLeadSchema.optional(),
  }),
  z.object({ kind: z.literal('break'), minutes: z.number().min(0).max(MAX_STEP_MINUTES) }),
]);
/** One step of a session plan. */
export type PlanStep = z.infer<typeof planStepSchema>;

/** The part of a plan the lecture follows: which chapters, in which order, with which breaks. */
export const lecturePlanSchema = z.object({
  /** The stored plan's id, or null for a plan not saved (the default, or one being edited). */
  id: z.number().int().nullable(),
  name: z.string().min(1).max(MAX_PLAN_NAME_LENGTH),
  steps: z.array(planStepSchema).max(500),
  budgetMinutes: z.number().min(0).max(MAX_BUDGET_MINUTES).nullable(),
});
/** The plan a lecture follows. */
export type LecturePlan = z.infer<typeof lecturePlanSchema>;
