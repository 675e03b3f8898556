import type { LecturePhase } from '../../../../src/common/lecture/lecture-state';
import { planProgress, type PlanProgress } from '../../../../src/common/plan/plan-progress';
import type { LecturePlan, PlanStep } from '../../../../src/common/plan/plan-step';
import { planTotals } from '../../../../src/common/plan/plan-totals';
import {
  DISCUSSION_FLOOR_MINUTES,
  overrunMinutes,
  replanSuggestions,
  type ReplanSuggestion,
} from '../../../../src/common/plan/replan-suggestions';
import { FILM_CHAPTERS } from './course-chapters';

const NOW = 2_000_000_000;

/** The first course with a budget, in film order, a break after bolig. */
const PLAN: LecturePlan = {
  id: 3,
  name: 'Torsdag',
  budgetMinutes: 180,
  steps: [
    { kind: 'chapter', chapterId: 'apning', minutes: 5 },
    { kind: 'chapter', chapterId: 'sovn', minutes: 20 },
    { kind: 'chapter', chapterId: 'bolig', minutes: 15, lead: 'user-representative' },
    { kind: 'break', minutes: 15 },
    { kind: 'chapter', chapterId: 'taushetsplikt', minutes: 15 },
    { kind: 'chapter', chapterId: 'okonomi', minutes: 10 },
    { kind: 'chapter', chapterId: 'tannhelse', minutes: 20 },
    { kind: 'chapter', chapterId: 'drommer', minutes: 15 },
    { kind: 'chapter', chapterId: 'oppsummering', minutes: 20 },
  ],
};

const index = (id: string): number => FILM_CHAPTERS.findIndex((chapter) => chapter.id === id);

/** The session discussing `chapter` with everything before it done to plan, over by `overSeconds`. */
function overDuring(
  chapterId: string,
  overSeconds: number,
  plan: LecturePlan | null = PLAN,
  phaseKind: 'discussing' | 'playing' = 'discussing',
): { phase: LecturePhase; progress: PlanProgress } {
  const chapter = index(chapterId);
  const phase: LecturePhase =
    phaseKind === 'discussing'
      ? { kind: 'discussing', chapter, promptIndex: 0, since: NOW }
      : { kind: 'playing', chapter };
  const before = planProgress({
    chapters: FILM_CHAPTERS,
    plan,
    phase,
    timings: FILM_CHAPTERS.slice(0, chapter + 1).map((item) => ({
      chapterId: item.id,
      filmSeconds: phaseKind === 'playing' && item.id === chapterId ? 0 : item.end - item.start,
      discussionSeconds: 60,
    })),
    elapsedMs: 0,
    now: NOW,
    position: FILM_CHAPTERS[chapter]?.start ?? 0,
  });
  // Set the clock so that the forecast lands exactly overSeconds past the plan.
  const elapsedMs =
    (before.planSeconds + overSeconds - (before.forecastSeconds - before.elapsedSeconds)) * 1000;
  const progress = planProgress({
    chapters: FILM_CHAPTERS,
    plan,
    phase,
    timings: FILM_CHAPTERS.slice(0, chapter + 1).map((item) => ({
      chapterId: item.id,
      filmSeconds: phaseKind === 'playing' && item.id === chapterId ? 0 : item.end - item.start,
      discussionSeconds: 60,
    })),
    elapsedMs,
    now: NOW,
    position: FILM_CHAPTERS[chapter]?.start ?? 0,
  });
  expect(progress.driftSeconds).toBeCloseTo(overSeconds, 6);
  return { phase, progress };
}

function suggest(
  chapterId: string,
  overSeconds: number,
  plan: LecturePlan | null = PLAN,
  phaseKind: 'discussing' | 'playing' = 'discussing',
): ReplanSuggestion[] {
  const { phase, progress } = overDuring(chapterId, overSeconds, plan, phaseKind);
  return replanSuggestions({ chapters: FILM_CHAPTERS, plan, phase, progress, name: 'Torsdag (justert)' });
}

const minutesById = (plan: LecturePlan): Record<string, number> =>
  Object.fromEntries(
    plan.steps.flatMap((step) => (step.kind === 'chapter' ? [[step.chapterId, step.minutes]] : [])),
  );
const chapterIds = (steps: readonly PlanStep[]): string[] =>
  steps.flatMap((step) => (step.kind === 'chapter' ? [step.chapterId] : []));

describe('overrunMinutes', () => {
  it('rounds the drift to the nearest minute and is 0 when ahead', () => {
    const at = (driftSeconds: number): number =>
      overrunMinutes({ steps: [], elapsedSeconds: 0, planSeconds: 0, forecastSeconds: 0, driftSeconds });
    expect(at(-600)).toBe(0);
    expect(at(29)).toBe(0);
    expect(at(31)).toBe(1);
    expect(at(7 * 60 + 10)).toBe(7);
  });
});

describe('replanSuggestions', () => {
  it('suggests nothing while the session is within its plan', () => {
    expect(suggest('sovn', -120)).toEqual([]);
    expect(suggest('sovn', 20)).toEqual([]);
  });

  it('shortens the discussions still to come in proportion, by the overrun, and leaves the rest alone', () => {
    const [proportional] = suggest('bolig', 8 * 60);
    expect(proportional).toMatchObject({ kind: 'shorten', spread: 'proportional', savedMinutes: 8 });
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    const after = minutesById(proportional.plan);
    // Done and under way: unchanged. The closing chapter may be shortened (it is not left out).
    expect(after).toMatchObject({ apning: 5, sovn: 20, bolig: 15 });
    const before = minutesById(PLAN);
    const later = ['taushetsplikt', 'okonomi', 'tannhelse', 'drommer', 'oppsummering'];
    const cut = later.reduce((sum, id) => sum + (before[id] ?? 0) - (after[id] ?? 0), 0);
    expect(cut).toBe(8);
    // Longer discussions give at least as much as shorter ones.
    expect((before.tannhelse ?? 0) - (after.tannhelse ?? 0)).toBeGreaterThanOrEqual(
      (before.okonomi ?? 0) - (after.okonomi ?? 0),
    );
    // The plan's sum really fell by what the suggestion says.
    expect(
      planTotals(PLAN, FILM_CHAPTERS).totalMinutes -
        planTotals(proportional.plan, FILM_CHAPTERS).totalMinutes,
    ).toBe(8);
    // Breaks, order, budget and leads are kept; the adjusted plan is not the stored one.
    expect(proportional.plan.steps.filter((step) => step.kind === 'break')).toEqual([
      { kind: 'break', minutes: 15 },
    ]);
    expect(chapterIds(proportional.plan.steps)).toEqual(chapterIds(PLAN.steps));
    expect(proportional.plan).toMatchObject({ id: null, name: 'Torsdag (justert)', budgetMinutes: 180 });
    expect(proportional.plan.steps[2]).toEqual({
      kind: 'chapter',
      chapterId: 'bolig',
      minutes: 15,
      lead: 'user-representative',
    });
  });

  it('offers an even cut too when it differs, the same minutes from each discussion to come', () => {
    const suggestions = suggest('bolig', 8 * 60);
    const even = suggestions.find((item) => item.kind === 'shorten' && item.spread === 'even');
    if (even?.kind !== 'shorten') throw new Error('no even cut');
    // Eight minutes over five discussions: two from each (rounded up), ten minutes in all.
    expect(even).toMatchObject({ discussions: 5, eachMinutes: 2, savedMinutes: 10 });
    expect(minutesById(even.plan)).toMatchObject({
      taushetsplikt: 13,
      okonomi: 8,
      tannhelse: 18,
      drommer: 13,
      oppsummering: 18,
    });
  });

  it('never shortens below the floor, and says how little it could win when that is all', () => {
    const tight: LecturePlan = {
      ...PLAN,
      steps: PLAN.steps.map((step) =>
        step.kind === 'chapter' && ['drommer', 'oppsummering'].includes(step.chapterId)
          ? { ...step, minutes: 2 }
          : step,
      ),
    };
    const [proportional, second] = suggest('tannhelse', 30 * 60, tight);
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    expect(minutesById(proportional.plan)).toMatchObject({
      drommer: DISCUSSION_FLOOR_MINUTES,
      oppsummering: DISCUSSION_FLOOR_MINUTES,
    });
    expect(proportional.savedMinutes).toBe(2);
    // Even gives the same here, so it is not offered twice; leaving out drommer comes next.
    expect(second).toMatchObject({ kind: 'leave-out', chapterId: 'drommer' });
  });

  it('a discussion at the floor or under way is not shortened', () => {
    const plan: LecturePlan = {
      ...PLAN,
      steps: PLAN.steps.map((step) =>
        step.kind === 'chapter' && step.chapterId === 'okonomi' ? { ...step, minutes: 1 } : step,
      ),
    };
    const [proportional] = suggest('taushetsplikt', 5 * 60, plan);
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    const after = minutesById(proportional.plan);
    expect(after.taushetsplikt).toBe(15);
    expect(after.okonomi).toBe(1);
    expect(proportional.discussions).toBe(3);
  });

  it('the discussion of a chapter still playing has not begun, so it may be shortened', () => {
    const suggestions = suggest('tannhelse', 4 * 60, PLAN, 'playing');
    const [proportional] = suggestions;
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    expect(minutesById(proportional.plan).tannhelse).toBeLessThan(20);
    // But it is under way, so it is never the chapter left out.
    expect(suggestions.find((item) => item.kind === 'leave-out')).toMatchObject({ chapterId: 'drommer' });
  });

  it('leaves out the chapter whose time best covers the overrun, never the closing one nor one past', () => {
    // Over by 18 min at sovn: taushetsplikt is 1:29 of film and 15 min of talk (about 16), bolig 4:02 and 15
    // (about 19), okonomi 2:18 and 10 (about 12), tannhelse 6:53 and 20 (27), drommer 4:32 and 15 (about 20).
    const suggestions = suggest('sovn', 18 * 60);
    const leaveOut = suggestions.find((item) => item.kind === 'leave-out');
    expect(leaveOut).toMatchObject({ kind: 'leave-out', chapterId: 'bolig', chapter: index('bolig') });
    if (leaveOut?.kind !== 'leave-out') throw new Error('no leave-out');
    expect(leaveOut.savedMinutes).toBe(19);
    expect(chapterIds(leaveOut.plan.steps)).toEqual(chapterIds(PLAN.steps).filter((id) => id !== 'bolig'));
    // Its break stays where it was, now after sovn.
    expect(leaveOut.plan.steps[2]).toEqual({ kind: 'break', minutes: 15 });
  });

  it('when no single chapter covers the overrun, leaves out the longest one to come', () => {
    const leaveOut = suggest('sovn', 60 * 60).find((item) => item.kind === 'leave-out');
    expect(leaveOut).toMatchObject({ chapterId: 'tannhelse', savedMinutes: 27 });
  });

  it('offers no chapter to leave out when only the closing chapter is to come', () => {
    const suggestions = suggest('drommer', 6 * 60);
    expect(suggestions.some((item) => item.kind === 'leave-out')).toBe(false);
    const [proportional] = suggestions;
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    expect(minutesById(proportional.plan)).toMatchObject({ drommer: 15, oppsummering: 14 });
  });

  it('suggests nothing it cannot do: the closing discussion under way, nothing left to cut', () => {
    expect(suggest('oppsummering', 10 * 60)).toEqual([]);
  });

  it('without a plan, starts from every chapter with the course suggestions', () => {
    const suggestions = suggest('sovn', 10 * 60, null);
    const [proportional] = suggestions;
    if (proportional?.kind !== 'shorten') throw new Error('no shortening');
    expect(proportional.plan.id).toBeNull();
    expect(chapterIds(proportional.plan.steps)).toEqual(FILM_CHAPTERS.map((chapter) => chapter.id));
    expect(proportional.savedMinutes).toBe(10);
    expect(suggestions.length).toBeLessThanOrEqual(3);
  });

  it('keeps an over-long name within what a plan may be called', () => {
    const { phase, progress } = overDuring('sovn', 5 * 60);
    const [first] = replanSuggestions({
      chapters: FILM_CHAPTERS,
      plan: PLAN,
      phase,
      progress,
      name: 'x'.repeat(500),
    });
    expect(first?.plan.name).toHaveLength(200);
  });
});
