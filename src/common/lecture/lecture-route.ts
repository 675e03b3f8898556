import type { LecturePlan } from '../plan/plan-step';

/** What the lecture needs to know of one chapter: its id (plans name chapters by id), its stop, its prompts. */
export interface LectureChapter {
  id: string;
  /** Where the chapter starts in the film (s): "back" near it goes to the previous chapter. */
  start: number;
  /** Whether the film stops for discussion at the chapter's end. */
  pause: boolean;
  prompts: number;
  /** How many links and statements the chapter has (a QR code or a replay names one by index); absent: none. */
  links?: number;
  statements?: number;
  /** The course's suggested discussion minutes, used when no plan gives them. */
  minutes?: number | undefined;
}

/** What the reducer needs to know about the course. */
export interface LectureCourse {
  chapters: readonly LectureChapter[];
}

/** One stop on the lecture's way: a chapter (by index) with its discussion minutes, or a break. */
export type RouteStep =
  { kind: 'chapter'; chapter: number; minutes: number | null } | { kind: 'break'; minutes: number };

/**
 * The way the lecture goes: the plan's steps resolved to chapter indexes, or, without a plan, every chapter
 * in film order with the course's suggested minutes. A plan step naming a chapter the course lacks (a plan
 * made for an older edition) is left out rather than refused, and a chapter named twice is shown once
 * (its first place), so "next" is never ambiguous.
 */
export function lectureRoute(course: LectureCourse, plan: LecturePlan | null): RouteStep[] {
  if (plan === null) {
    return course.chapters.map((chapter, index) => ({
      kind: 'chapter',
      chapter: index,
      minutes: chapter.minutes ?? null,
    }));
  }
  const indexById = new Map(course.chapters.map((chapter, index) => [chapter.id, index]));
  const seen = new Set<number>();
  const route: RouteStep[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'break':
        route.push({ kind: 'break', minutes: step.minutes });
        break;
      case 'chapter': {
        const index = indexById.get(step.chapterId);
        if (index === undefined || seen.has(index)) break;
        seen.add(index);
        route.push({ kind: 'chapter', chapter: index, minutes: step.minutes });
        break;
      }
    }
  }
  return route;
}

/** The chapter indexes a route shows, in its order. */
export function routeChapters(route: readonly RouteStep[]): number[] {
  return route.flatMap((step) => (step.kind === 'chapter' ? [step.chapter] : []));
}

/**
 * Where the route goes on after a chapter: the index of the step after it. A chapter the route leaves out
 * (the lecturer jumped there by number) continues with the first planned chapter later in the film.
 */
export function stepAfterChapter(route: readonly RouteStep[], chapter: number): number {
  const own = route.findIndex((step) => step.kind === 'chapter' && step.chapter === chapter);
  if (own >= 0) return own + 1;
  const later = route.findIndex((step) => step.kind === 'chapter' && step.chapter > chapter);
  return later >= 0 ? later : route.length;
}

/** The planned chapter shown before this one (its "previous"), or null when this one is the first. */
export function chapterBefore(route: readonly RouteStep[], chapter: number): number | null {
  const chapters = routeChapters(route);
  const own = chapters.indexOf(chapter);
  const earlier = own >= 0 ? chapters.slice(0, own) : chapters.filter((index) => index < chapter);
  return earlier.at(-1) ?? null;
}

/** The planned discussion minutes for a chapter, or null when neither plan nor course gives any. */
export function plannedMinutes(route: readonly RouteStep[], chapter: number): number | null {
  for (const step of route) if (step.kind === 'chapter' && step.chapter === chapter) return step.minutes;
  return null;
}

/** The planned chapter shown after this one (breaks skipped), or null when this one is the last. */
export function chapterAfter(route: readonly RouteStep[], chapter: number): number | null {
  for (const step of route.slice(stepAfterChapter(route, chapter)))
    if (step.kind === 'chapter') return step.chapter;
  return null;
}
