import type { LecturePhase } from '../lecture/lecture-state';
import type { PlanChapter } from './plan-chapter';
import type { PlanProgress } from './plan-progress';
import { MAX_PLAN_NAME_LENGTH, type LecturePlan, type PlanStep } from './plan-step';
import { defaultPlan } from './plan-templates';
import { shareMinutes } from './share-minutes';

/** No discussion is shortened below this many minutes: a stop of a minute still lets the room react. */
export const DISCUSSION_FLOOR_MINUTES = 1;

/** The most suggestions offered at once: a choice made in a glance, in the middle of a lesson. */
export const MAX_SUGGESTIONS = 3;

/**
 * One way to win back time, with the plan that does it, for the running session to follow as it is:
 * - `shorten`, `spread: 'proportional'`: the remaining discussions lose the overrun between them, each in
 *   proportion to its length;
 * - `shorten`, `spread: 'even'`: each remaining discussion loses the same `eachMinutes`;
 * - `leave-out`: one chapter still to come is left out (its film and its discussion).
 * `savedMinutes` is what the new plan takes less than the old one; it may fall short of the overrun when the
 * floor or the chapters at hand allow no more.
 */
export type ReplanSuggestion =
  | {
      kind: 'shorten';
      spread: 'proportional' | 'even';
      /** How many discussions get shorter. */
      discussions: number;
      /** For `even`: the minutes each loses (before the floor). 0 for proportional. */
      eachMinutes: number;
      savedMinutes: number;
      plan: LecturePlan;
    }
  | { kind: 'leave-out'; chapter: number; chapterId: string; savedMinutes: number; plan: LecturePlan };

/** What {@link replanSuggestions} works from. */
export interface ReplanInput {
  chapters: readonly PlanChapter[];
  /** The plan the session follows; null: every chapter with the course's suggested minutes. */
  plan: LecturePlan | null;
  phase: LecturePhase;
  progress: PlanProgress;
  /** The name the adjusted plan goes by (say "Thursday (adjusted)"); cut to the longest a plan name may be. */
  name: string;
}

/**
 * The minutes to win back: the forecast's overrun rounded to the nearest minute, so a session less than half a
 * minute over is left alone (the next discussion absorbs that) and suggestions do not flicker in and out.
 */
export function overrunMinutes(progress: PlanProgress): number {
  return Math.max(0, Math.round(progress.driftSeconds / 60));
}

/**
 * Concrete ways to bring a session that runs over back within its plan, each with the plan to apply; none
 * when it is not over. The rules, so the lecturer can trust a click:
 * - Only what is still to come changes: never a chapter shown already or passed over, nor the one under way,
 *   except that the discussion of a chapter still playing (or paused inside its film) may be shortened, as it
 *   has not begun. A discussion under way keeps its minutes (its timer is the lecturer's own call).
 * - A discussion is never shortened below {@link DISCUSSION_FLOOR_MINUTES}, and one already at the floor is
 *   left as it is; a chapter the film does not stop after has no discussion to shorten.
 * - Shortening is offered spread in proportion (long discussions give more) and, when that differs, evenly
 *   (the same minutes from each, easier to say to a co-teacher).
 * - Leaving out: of the chapters still to come, the one whose film and discussion come closest to the
 *   overrun without falling short, else the longest (ties: the later chapter, as the nearer one is the more
 *   likely to be prepared for). The route's last chapter is never offered: it closes the film and gathers it
 *   up (in the first course, its summing-up), so a lesson cut short should still end with it.
 * - Breaks stay: a break is the room's, not a reserve of minutes.
 * The adjusted plan is unsaved (id null): the stored plan is the lecturer's to change, and a rehearsal's
 * timings written back afterwards become a new plan rather than rewriting the one chosen.
 */
export function replanSuggestions(input: ReplanInput): ReplanSuggestion[] {
  const over = overrunMinutes(input.progress);
  if (over === 0) return [];
  const { chapters, phase, progress } = input;
  const name = input.name.trim().slice(0, MAX_PLAN_NAME_LENGTH) || '-';
  const base: LecturePlan = input.plan ?? { id: null, name, ...defaultPlan(chapters) };
  const adjusted = (steps: PlanStep[]): LecturePlan => ({ ...base, id: null, name, steps });
  const minutesOf = new Map<string, number>();
  for (const step of base.steps)
    if (step.kind === 'chapter' && !minutesOf.has(step.chapterId))
      minutesOf.set(step.chapterId, step.minutes);

  // The chapters whose discussion has not begun: those to come, and the one playing or paused in its film.
  const filmUnderWay = phase.kind === 'playing' || phase.kind === 'paused';
  const open = progress.steps.flatMap((step) =>
    step.kind === 'chapter' &&
    !step.offPlan &&
    (step.status === 'upcoming' || (step.status === 'current' && filmUnderWay))
      ? [step.chapter]
      : [],
  );
  const shortenable = open.flatMap((index) => {
    const chapter = chapters[index];
    const minutes = chapter === undefined ? undefined : minutesOf.get(chapter.id);
    return chapter !== undefined &&
      chapter.pause &&
      minutes !== undefined &&
      minutes > DISCUSSION_FLOOR_MINUTES
      ? [{ id: chapter.id, minutes }]
      : [];
  });

  const suggestions: ReplanSuggestion[] = [];
  const withMinutes = (changed: ReadonlyMap<string, number>): PlanStep[] =>
    base.steps.map((step) => {
      if (step.kind !== 'chapter') return step;
      const minutes = changed.get(step.chapterId);
      return minutes === undefined ? step : { ...step, minutes };
    });
  const saved = (changed: ReadonlyMap<string, number>): number =>
    shortenable.reduce((sum, item) => sum + item.minutes - (changed.get(item.id) ?? item.minutes), 0);

  if (shortenable.length > 0) {
    const total = shortenable.reduce((sum, item) => sum + item.minutes, 0);
    const room = total - DISCUSSION_FLOOR_MINUTES * shortenable.length;
    const target = total - Math.min(over, room);
    const shares = shareMinutes(
      shortenable.map((item) => item.minutes),
      target,
    );
    const proportional = new Map(
      shortenable.map((item, index) => [
        item.id,
        Math.min(item.minutes, Math.max(DISCUSSION_FLOOR_MINUTES, shares[index] ?? item.minutes)),
      ]),
    );
    suggestions.push({
      kind: 'shorten',
      spread: 'proportional',
      discussions: [...proportional].filter(([id, minutes]) => minutes < (minutesOf.get(id) ?? 0)).length,
      eachMinutes: 0,
      savedMinutes: saved(proportional),
      plan: adjusted(withMinutes(proportional)),
    });
    const each = Math.ceil(over / shortenable.length);
    const even = new Map(
      shortenable.map((item) => [item.id, Math.max(DISCUSSION_FLOOR_MINUTES, item.minutes - each)]),
    );
    const same = shortenable.every((item) => even.get(item.id) === proportional.get(item.id));
    if (!same)
      suggestions.push({
        kind: 'shorten',
        spread: 'even',
        discussions: shortenable.length,
        eachMinutes: each,
        savedMinutes: saved(even),
        plan: adjusted(withMinutes(even)),
      });
  }

  const leaveOut = bestToLeaveOut(input, over);
  if (leaveOut !== null) {
    const id = chapters[leaveOut.chapter]?.id ?? '';
    suggestions.push({
      kind: 'leave-out',
      chapter: leaveOut.chapter,
      chapterId: id,
      savedMinutes: leaveOut.minutes,
      plan: adjusted(base.steps.filter((step) => step.kind !== 'chapter' || step.chapterId !== id)),
    });
  }
  return suggestions.slice(0, MAX_SUGGESTIONS);
}

/** The chapter to leave out (see replanSuggestions' rules) with its planned minutes, or null for none. */
function bestToLeaveOut(input: ReplanInput, over: number): { chapter: number; minutes: number } | null {
  const planned = input.progress.steps.flatMap((step) =>
    step.kind === 'chapter' && !step.offPlan ? [step] : [],
  );
  const closing = planned.at(-1)?.chapter;
  const candidates = planned
    .filter((step) => step.status === 'upcoming' && step.chapter !== closing)
    .map((step) => ({ chapter: step.chapter, minutes: Math.round(step.plannedSeconds / 60) }))
    .filter((candidate) => candidate.minutes > 0);
  let best: { chapter: number; minutes: number } | null = null;
  for (const candidate of candidates) {
    if (best === null) {
      best = candidate;
      continue;
    }
    const covers = candidate.minutes >= over;
    const bestCovers = best.minutes >= over;
    // Later candidates win ties (the loop goes in route order, so >= and <= prefer them).
    if (covers && (!bestCovers || candidate.minutes <= best.minutes)) best = candidate;
    else if (!covers && !bestCovers && candidate.minutes >= best.minutes) best = candidate;
  }
  return best;
}
