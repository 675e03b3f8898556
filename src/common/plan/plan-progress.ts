import type { ChapterTime } from '../lecture/chapter-times';
import { lectureRoute, stepAfterChapter, type RouteStep } from '../lecture/lecture-route';
import type { LecturePhase } from '../lecture/lecture-state';
import { filmSeconds, type PlanChapter } from './plan-chapter';
import type { LecturePlan } from './plan-step';
import { planTotals } from './plan-totals';
import { defaultPlan } from './plan-templates';

/**
 * Where a step of the route stands: shown already, passed over without being shown (the lecturer went on
 * past it), under way now, or still to come.
 */
export type StepStatus = 'done' | 'skipped' | 'current' | 'upcoming';

/** One step of the session's route with its planned and its real time so far. */
export type StepProgress =
  | {
      kind: 'chapter';
      /** The chapter's index in the course. */
      chapter: number;
      status: StepStatus;
      /** Film plus planned discussion (none when the film plays straight on), in seconds. */
      plannedSeconds: number;
      /** Film plus talk the session has spent on it, in seconds; null for a chapter not reached yet. */
      actualSeconds: number | null;
      /** The chapter is shown although the plan leaves it out (the lecturer went to it by number). */
      offPlan: boolean;
    }
  | {
      kind: 'break';
      status: StepStatus;
      plannedSeconds: number;
      /** Known only for the break under way (a finished break's length is not recorded). */
      actualSeconds: number | null;
    };

/** The session against its plan: every step, the time used, the plan's time and the forecast. */
export interface PlanProgress {
  steps: StepProgress[];
  /** The session clock's reading, in seconds. */
  elapsedSeconds: number;
  /** The time the plan allows: its budget when it has one, else what its steps add up to, in seconds. */
  planSeconds: number;
  /** When the session will end on the session clock if the rest goes to plan, in seconds from its start. */
  forecastSeconds: number;
  /** forecastSeconds minus planSeconds: above 0 the session runs behind (over), below 0 it is ahead. */
  driftSeconds: number;
}

/** What {@link planProgress} reads: the course, the plan, and the session as main holds it at `now`. */
export interface ProgressInput {
  chapters: readonly PlanChapter[];
  /** The plan the lecture follows; null: every chapter with the course's suggested minutes. */
  plan: LecturePlan | null;
  phase: LecturePhase;
  /** The session's recorded film and talk time per chapter id. */
  timings: readonly ({ chapterId: string } & ChapterTime)[];
  /** The session clock's reading, in ms. */
  elapsedMs: number;
  /** Main's clock now (ms), for the discussion or break under way. */
  now: number;
  /** The playhead (s). */
  position: number;
}

/**
 * The session's progress along its plan, step by step, and its forecast end: the time on the session clock
 * so far, plus what is left of the step under way (its plan less what it has taken, never below 0), plus the
 * planned time of every step still to come. Steps passed over count for nothing, so going on past a chapter
 * brings the forecast forward.
 *
 * Main counts a chapter's time whenever the lecture changes, so the snapshot's timings lag behind the step
 * under way; for it the live part is taken from the phase instead (the playhead inside a playing chapter,
 * the discussion's start), whichever is larger.
 */
export function planProgress(input: ProgressInput): PlanProgress {
  const { chapters, phase } = input;
  const plan = input.plan ?? { id: null, name: '-', ...defaultPlan(chapters) };
  const route = lectureRoute({ chapters: chapters.map((chapter) => ({ ...chapter, prompts: 0 })) }, plan);
  const recorded = new Map<string, ChapterTime>();
  for (const timing of input.timings) {
    const before = recorded.get(timing.chapterId) ?? { filmSeconds: 0, discussionSeconds: 0 };
    recorded.set(timing.chapterId, {
      filmSeconds: before.filmSeconds + timing.filmSeconds,
      discussionSeconds: before.discussionSeconds + timing.discussionSeconds,
    });
  }
  const spent = (chapter: number): number | null => {
    const id = chapters[chapter]?.id;
    const time = id === undefined ? undefined : recorded.get(id);
    return time === undefined ? null : time.filmSeconds + time.discussionSeconds;
  };
  const planned = (step: RouteStep): number => {
    if (step.kind === 'break') return step.minutes * 60;
    const chapter = chapters[step.chapter];
    if (chapter === undefined) return 0;
    return filmSeconds(chapter) + (chapter.pause ? (step.minutes ?? 0) * 60 : 0);
  };

  const { from, to, offPlan } = currentSpan(route, phase);
  const steps: StepProgress[] = route.map((step, index): StepProgress => {
    const status: StepStatus =
      index >= to ? 'upcoming' : index >= from ? 'current' : wasShown(step, spent) ? 'done' : 'skipped';
    if (step.kind === 'break')
      return { kind: 'break', status, plannedSeconds: planned(step), actualSeconds: null };
    return {
      kind: 'chapter',
      chapter: step.chapter,
      status,
      plannedSeconds: planned(step),
      actualSeconds: status === 'upcoming' || status === 'skipped' ? null : (spent(step.chapter) ?? 0),
      offPlan: false,
    };
  });
  if (offPlan !== null)
    steps.splice(from, 0, {
      kind: 'chapter',
      chapter: offPlan,
      status: 'current',
      plannedSeconds: 0,
      actualSeconds: spent(offPlan) ?? 0,
      offPlan: true,
    });
  const remainingNow = liveCurrent(steps, input);

  const elapsedSeconds = Math.max(0, input.elapsedMs) / 1000;
  const upcoming = steps
    .filter((step) => step.status === 'upcoming')
    .reduce((sum, step) => sum + step.plannedSeconds, 0);
  const forecastSeconds = elapsedSeconds + remainingNow + upcoming;
  const totals = planTotals(plan, chapters);
  const planSeconds = (plan.budgetMinutes ?? totals.totalMinutes) * 60;
  return { steps, elapsedSeconds, planSeconds, forecastSeconds, driftSeconds: forecastSeconds - planSeconds };
}

/**
 * The route steps under way, as indexes [from, to): the phase's chapter, or the run of breaks a break phase
 * holds as one. A chapter the plan leaves out stands between `from` and `to` = `from` (`offPlan` names it).
 * Before the film nothing is under way (from = to = 0); after it everything is past.
 */
function currentSpan(
  route: readonly RouteStep[],
  phase: LecturePhase,
): { from: number; to: number; offPlan: number | null } {
  switch (phase.kind) {
    case 'ready':
      return { from: 0, to: 0, offPlan: null };
    case 'finished':
      return { from: route.length, to: route.length, offPlan: null };
    case 'playing':
    case 'paused':
    case 'discussing': {
      const own = route.findIndex((step) => step.kind === 'chapter' && step.chapter === phase.chapter);
      if (own >= 0) return { from: own, to: own + 1, offPlan: null };
      const after = stepAfterChapter(route, phase.chapter);
      return { from: after, to: after, offPlan: phase.chapter };
    }
    case 'break': {
      const from = phase.after < 0 ? 0 : stepAfterChapter(route, phase.after);
      let to = from;
      while (route[to]?.kind === 'break') to += 1;
      return { from, to, offPlan: null };
    }
  }
}

/** Whether a step before the one under way was really shown: a chapter with time recorded, or any break. */
function wasShown(step: RouteStep, spent: (chapter: number) => number | null): boolean {
  if (step.kind === 'break') return true;
  return (spent(step.chapter) ?? 0) > 0;
}

/** Seconds a discussion's or break's timer has run at `now`: a paused timer stands where it was paused. */
function timerSeconds(phase: { since: number; pausedAt?: number | undefined }, now: number): number {
  return Math.max(0, (phase.pausedAt ?? now) - phase.since) / 1000;
}

/**
 * Brings the step under way up to `now` (the snapshot's timings lag, see planProgress) and returns what is
 * left of it, in seconds: its plan less what it has taken, never below 0. In a discussion or break, what is
 * left is what its timer has left (the lecturer steers it: a pause holds it, a reset starts it again, +1 min
 * lengthens it), while the time taken shown is the real time, whichever is larger.
 */
function liveCurrent(steps: StepProgress[], input: ProgressInput): number {
  const { phase, now } = input;
  const current = steps.filter((step) => step.status === 'current');
  switch (phase.kind) {
    case 'ready':
    case 'finished':
      return 0;
    case 'break': {
      const taken = timerSeconds(phase, now);
      const first = current[0];
      if (first !== undefined) first.actualSeconds = taken;
      return Math.max(0, phase.minutes * 60 - taken);
    }
    case 'playing':
    case 'paused':
    case 'discussing': {
      const step = current[0];
      if (step === undefined || step.kind !== 'chapter') return 0;
      const chapter = input.chapters[step.chapter];
      const time = input.timings
        .filter((timing) => timing.chapterId === chapter?.id)
        .reduce(
          (sum, timing) => ({
            filmSeconds: sum.filmSeconds + timing.filmSeconds,
            discussionSeconds: sum.discussionSeconds + timing.discussionSeconds,
          }),
          { filmSeconds: 0, discussionSeconds: 0 },
        );
      let film = time.filmSeconds;
      const talk = time.discussionSeconds;
      if (phase.kind === 'playing' && chapter !== undefined)
        film = Math.max(film, Math.min(filmSeconds(chapter), Math.max(0, input.position - chapter.start)));
      step.actualSeconds = film + talk;
      if (phase.kind !== 'discussing') return Math.max(0, step.plannedSeconds - step.actualSeconds);
      // The film is behind it: what is left is the discussion's, as its timer counts it.
      const timer = timerSeconds(phase, now);
      step.plannedSeconds += (phase.addedMinutes ?? 0) * 60;
      step.actualSeconds = film + Math.max(talk, timer);
      const plannedTalk = step.plannedSeconds - (chapter === undefined ? 0 : filmSeconds(chapter));
      return Math.max(0, plannedTalk - timer);
    }
  }
}
