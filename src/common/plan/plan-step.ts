import { z } from 'zod';

/** One step of a session plan: a chapter with its discussion minutes, or a break. */
export const planStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chapter'), chapterId: z.string().min(1), minutes: z.number().min(0).max(600) }),
  z.object({ kind: z.literal('break'), minutes: z.number().min(0).max(600) }),
]);
/** One step of a session plan. */
export type PlanStep = z.infer<typeof planStepSchema>;

/** The part of a plan the lecture follows: which chapters, in which order, with which breaks. */
export const lecturePlanSchema = z.object({
  /** The stored plan's id, or null for a plan not saved (the default, or one being edited). */
  id: z.number().int().nullable(),
  name: z.string().min(1).max(200),
  steps: z.array(planStepSchema).max(500),
  budgetMinutes: z.number().min(0).max(10_000).nullable(),
});
/** The plan a lecture follows. */
export type LecturePlan = z.infer<typeof lecturePlanSchema>;
