import { z } from 'zod';
import { planStepSchema } from '../plan/plan-step';
import { DEFAULT_NOTES_FONT_SIZE, notesFontSizeSchema } from '../notes/notes-font-size';
import { stepLeadSchema } from '../plan/step-lead';

/** A course file the user has opened before (never its content, never a password). */
export const courseRecordSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  courseId: z.string(),
  title: z.string(),
  lastOpenedAt: z.string().nullable(),
  isDemo: z.boolean(),
});
/** A course file the user has opened before. */
export type CourseRecord = z.infer<typeof courseRecordSchema>;

/** A named session plan for one course. `id` is null for a plan not yet saved. */
export const planSchema = z.object({
  id: z.number().int().nullable(),
  courseId: z.string().min(1),
  name: z.string().min(1).max(200),
  steps: z.array(planStepSchema).max(500),
  budgetMinutes: z.number().min(0).max(10_000).nullable(),
});
/** A named session plan for one course. */
export type Plan = z.infer<typeof planSchema>;

/** Who a note is for: the lecturer's own (rehearsal), or the class's (may be projected). */
export const noteScopeSchema = z.enum(['private', 'class']);
/** Who a note is for. */
export type NoteScope = z.infer<typeof noteScopeSchema>;

/** A note on one chapter (or the course as a whole when chapterId is null). */
export const noteSchema = z.object({
  courseId: z.string().min(1),
  chapterId: z.string().nullable(),
  scope: noteScopeSchema,
  text: z.string().max(100_000),
  updatedAt: z.string(),
});
/** A note on one chapter, or on the course. */
export type Note = z.infer<typeof noteSchema>;

/** A lecture or rehearsal that was held, with the real time spent on each chapter. */
export const sessionRecordSchema = z.object({
  id: z.number().int(),
  courseId: z.string(),
  planId: z.number().int().nullable(),
  kind: z.enum(['lecture', 'rehearsal']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  timings: z.array(
    z.object({ chapterId: z.string(), filmSeconds: z.number().min(0), discussionSeconds: z.number().min(0) }),
  ),
});
/** A lecture or rehearsal that was held. */
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

/**
 * The longest evaluation address taken: its QR code then stays at a size (version 10 or so) whose modules a
 * phone still reads across a lecture hall.
 */
export const EVALUATION_URL_MAX = 200;
/** The longest closing message: a line or two in large type on the room's screen. */
export const CLOSING_MESSAGE_MAX = 200;

/** The user's settings; every field has a default, so an empty store is a complete one. */
export const settingsSchema = z.object({
  language: z.enum(['nb', 'nn', 'en']),
  subtitles: z.string().nullable(),
  promptMode: z.enum(['one', 'all']),
  /** The plan last chosen per course id, so a course opens following the plan the lecturer picked. */
  planByCourse: z.record(z.string(), z.number().int()),
  /**
   * Minutes with no session running after which main locks every course again (the password is asked anew);
   * null: only the lecturer's Lock and quitting lock.
   */
  idleLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  /**
   * The institution's course evaluation, shown on the room's screen at the end as a QR code and as text.
   * https only (students open it on their phones), and short enough for a QR code a back row can scan.
   */
  evaluationUrl: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(EVALUATION_URL_MAX)
    .nullable(),
  /** A few words from the lecturer on the end card (thanks, what comes next); null for none. */
  closingMessage: z.string().trim().min(1).max(CLOSING_MESSAGE_MAX).nullable(),
  /** The type size (px) of the lecturer's private notes on the console, one of the notes' steps. */
  notesFontSize: notesFontSizeSchema,
  /**
   * Who uses this Plenum when teaching together: the lecturer or the user representative, so the console can
   * say "your turn" at the steps the plan gives them; null: not chosen (no "your turn" is shown).
   */
  myRole: stepLeadSchema.nullable(),
});
/** The user's settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** The settings a new user starts with. */
export const DEFAULT_SETTINGS: Settings = {
  language: 'nb',
  subtitles: null,
  promptMode: 'one',
  planByCourse: {},
  idleLockMinutes: 60,
  evaluationUrl: null,
  closingMessage: null,
  notesFontSize: DEFAULT_NOTES_FONT_SIZE,
  myRole: null,
};
