import { z } from 'zod';

/** Ids of courses, people and chapters: lowercase letters, digits and '-' (they end up in names and URLs). */
export const ID_PATTERN = /^[a-z0-9-]+$/;

/** The entry name of the film's HLS playlist inside a course file. */
export const FILM_ENTRY = 'media/index.m3u8';

/** The version of the manifest shape below; bumped only when an app could misread an older or newer one. */
export const MANIFEST_VERSION = 1;

const id = z.string().regex(ID_PATTERN);
const text = z.string().min(1);
/** Seconds on the film's timeline. */
const seconds = z.number().nonnegative().finite();
/** Entry names are relative, forward-slashed and never climb out of the course ('..'). */
const entryName = z
  .string()
  .min(1)
  .refine((entry) => !entry.startsWith('/') && !entry.split('/').includes('..'));

/** A character in the film; `about` is Markdown. */
export const personSchema = z.object({
  id,
  name: text,
  role: text.optional(),
  about: text.optional(),
});

/** One subtitle track, stored as a WebVTT entry in the course file. */
export const subtitleSchema = z.object({
  language: text,
  label: text,
  entry: entryName,
});

/** The transcoded film: its playlist entry and its real duration in seconds (probed when packing). */
export const filmSchema = z.object({
  entry: entryName,
  duration: z.number().positive().finite(),
});

/** A timed insert inside a chapter (a statement shown over the film). */
export const statementSchema = z
  .object({
    start: seconds,
    end: seconds,
    // A person's id when the course lists people, otherwise free text (course-format.md).
    speaker: text.optional(),
    label: text,
  })
  .refine((statement) => statement.end > statement.start);

/** A tip for the presenter; `body` is Markdown. */
export const tipSchema = z.object({ title: text, body: text });

/** A large quotation for the audience screen. */
export const quoteSchema = z.object({ text, speaker: text.optional() });

/** A link shown (with a QR code), never fetched; always https. */
export const linkSchema = z.object({
  label: text,
  url: z.string().startsWith('https://'),
});

/** One chapter of the film: the span played, then (when `pause`) a stop for discussion. */
export const chapterSchema = z
  .object({
    id,
    title: text,
    start: seconds,
    end: seconds,
    pause: z.boolean(),
    minutes: z.number().positive().finite().optional(),
    summary: text.optional(),
    statements: z.array(statementSchema),
    prompts: z.array(text),
    tips: z.array(tipSchema),
    solutions: z.array(text),
    quote: quoteSchema.optional(),
    links: z.array(linkSchema),
    /**
     * The entry of a JPEG still of the chapter (about 480 px wide, taken a little after its start), made by
     * the packer so the presenter can show the chapter without decoding the film twice. Absent in course
     * files packed before stills existed.
     */
    still: entryName.optional(),
  })
  .refine((chapter) => chapter.end > chapter.start);

/** One case fact on the students' handout, e.g. a heading of the main character's fact sheet; `value` is Markdown. */
export const handoutFactSchema = z.object({ label: text, value: text });

/**
 * What the printed handouts add to the course's own fields: the case facts, the tasks before and after class
 * and the themes to reflect on (all Markdown but the labels). Optional in the manifest: older course files
 * and courses written without it have none.
 */
export const handoutSchema = z.object({
  facts: z.array(handoutFactSchema),
  before: z.array(text),
  after: z.array(text),
  themes: z.array(text),
});

/**
 * The normalised course, as stored inside the encrypted course file and validated again by the app when it
 * opens one. Times are seconds; Markdown fields hold the Markdown itself. Unknown keys are stripped rather
 * than refused, so an older app can still open a course packed by a newer packer that added optional fields.
 */
export const courseManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  id,
  title: text,
  language: text,
  notice: text.optional(),
  people: z.array(personSchema),
  background: text.optional(),
  subtitles: z.array(subtitleSchema),
  film: filmSchema,
  chapters: z.array(chapterSchema).min(1),
  handout: handoutSchema.optional(),
});

/** The normalised course manifest. */
export type CourseManifest = z.infer<typeof courseManifestSchema>;
/** A character in the film. */
export type Person = z.infer<typeof personSchema>;
/** One subtitle track. */
export type Subtitle = z.infer<typeof subtitleSchema>;
/** The film's playlist entry and duration. */
export type Film = z.infer<typeof filmSchema>;
/** One chapter of the film. */
export type Chapter = z.infer<typeof chapterSchema>;
/** A timed insert inside a chapter. */
export type Statement = z.infer<typeof statementSchema>;
/** A tip for the presenter. */
export type Tip = z.infer<typeof tipSchema>;
/** A quotation for the audience screen. */
export type Quote = z.infer<typeof quoteSchema>;
/** A link shown, never fetched. */
export type Link = z.infer<typeof linkSchema>;
/** What the printed handouts add to the course. */
export type Handout = z.infer<typeof handoutSchema>;
/** One case fact on the students' handout. */
export type HandoutFact = z.infer<typeof handoutFactSchema>;
