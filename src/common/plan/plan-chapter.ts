/**
 * What a session plan needs to know of one chapter: its id (plans name chapters by id), its span on the film
 * (seconds) and whether the film stops after it, with the course's suggested discussion minutes. A manifest
 * chapter has this shape, so plans are worked out straight from the course.
 */
export interface PlanChapter {
  id: string;
  start: number;
  end: number;
  pause: boolean;
  minutes?: number | undefined;
}

/**
 * Discussion minutes for a pausing chapter whose course suggests none. Ten is the middle of what the first
 * course suggests (5 to 20), so such a chapter neither vanishes nor dominates when minutes are scaled.
 */
export const FALLBACK_DISCUSSION_MINUTES = 10;

/**
 * The discussion minutes a chapter starts with in a new plan: the course's suggestion, the fallback when it
 * gives none, and 0 for a chapter the film does not stop after (there is no discussion to time).
 */
export function suggestedMinutes(chapter: PlanChapter): number {
  if (!chapter.pause) return 0;
  return chapter.minutes ?? FALLBACK_DISCUSSION_MINUTES;
}

/** The chapter's length on the film, in seconds. */
export function filmSeconds(chapter: PlanChapter): number {
  return chapter.end - chapter.start;
}

/**
 * Film seconds as whole minutes, rounded up, so a plan's sum never promises time the film takes. Rounded to
 * a millisecond first, so sums like 7.2 + 0.1 seconds do not gain a spurious minute from floating point.
 */
export function wholeFilmMinutes(seconds: number): number {
  return Math.ceil(Math.round(seconds * 1000) / 60_000);
}
