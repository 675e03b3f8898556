import { z } from 'zod';

/**
 * Who leads a step of the session: the lecturer, or the user representative (brukerrepresentant) the course
 * is built to be taught with. Also who this Plenum's user is, so the console can say "your turn".
 */
export const stepLeadSchema = z.enum(['lecturer', 'user-representative']);
/** Who leads a step. */
export type StepLead = z.infer<typeof stepLeadSchema>;

/** Every lead, in the order the editor and the role picker list them. */
export const STEP_LEADS: readonly StepLead[] = stepLeadSchema.options;
