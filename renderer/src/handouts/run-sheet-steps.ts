import type { Chapter, CourseManifest } from '../../../src/common/course/manifest';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { lectureRoute } from '../../../src/common/lecture/lecture-route';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { chapterLead } from '../../../src/common/plan/chapter-lead';
import type { StepLead } from '../../../src/common/plan/step-lead';

/** One row of the run sheet: a chapter (its film, then its discussion) or a break, with when it begins. */
export type RunSheetStep =
  | {
      kind: 'chapter';
      /** The chapter's place in the film, counted from 1 as the overview counts it. */
      number: number;
      chapter: Chapter;
      /** Seconds from the session's start. */
      startsAt: number;
      filmSeconds: number;
      /** The discussion after the film, 0 when the chapter does not stop or no time is planned. */
      discussionMinutes: number;
      /** Who leads the chapter, when the plan names someone. */
      lead: StepLead | null;
    }
  | { kind: 'break'; startsAt: number; minutes: number };

/**
 * The run sheet's steps in order with their starting times, along the very route the lecture takes
 * (`lectureRoute`: the chosen plan, else every chapter with the course's suggested minutes).
 */
export function runSheetSteps(manifest: CourseManifest, plan: LecturePlan | null): RunSheetStep[] {
  const steps: RunSheetStep[] = [];
  let clock = 0;
  for (const step of lectureRoute(lectureCourseOf(manifest), plan)) {
    if (step.kind === 'break') {
      steps.push({ kind: 'break', startsAt: clock, minutes: step.minutes });
      clock += step.minutes * 60;
      continue;
    }
    const chapter = manifest.chapters[step.chapter];
    if (chapter === undefined) continue;
    const filmSeconds = chapter.end - chapter.start;
    const discussionMinutes = chapter.pause ? (step.minutes ?? 0) : 0;
    steps.push({
      kind: 'chapter',
      number: step.chapter + 1,
      chapter,
      startsAt: clock,
      filmSeconds,
      discussionMinutes,
      lead: chapterLead(plan, chapter.id),
    });
    clock += filmSeconds + discussionMinutes * 60;
  }
  return steps;
}

/** The whole session's length in seconds: where the last step ends. */
export function runSheetLength(steps: readonly RunSheetStep[]): number {
  const last = steps.at(-1);
  if (last === undefined) return 0;
  return last.kind === 'break'
    ? last.startsAt + last.minutes * 60
    : last.startsAt + last.filmSeconds + last.discussionMinutes * 60;
}
