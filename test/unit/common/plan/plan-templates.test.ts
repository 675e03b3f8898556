import fc from 'fast-check';
import { lectureRoute } from '../../../../src/common/lecture/lecture-route';
import type { PlanChapter } from '../../../../src/common/plan/plan-chapter';
import type { PlanStep } from '../../../../src/common/plan/plan-step';
import {
  PLAN_TEMPLATE_IDS,
  defaultPlan,
  planFromTemplate,
  planTemplate,
} from '../../../../src/common/plan/plan-templates';
import { planTotals } from '../../../../src/common/plan/plan-totals';
import { FILM_CHAPTERS } from './course-chapters';

const chapterIds = (steps: readonly PlanStep[]): string[] =>
  steps.flatMap((step) => (step.kind === 'chapter' ? [step.chapterId] : []));
const minutesOf = (steps: readonly PlanStep[]): number[] =>
  steps.flatMap((step) => (step.kind === 'chapter' ? [step.minutes] : []));
/** The index (among chapters) each break follows. */
const breaksAfter = (steps: readonly PlanStep[]): { after: number; minutes: number }[] => {
  let chapter = -1;
  const found: { after: number; minutes: number }[] = [];
  for (const step of steps) {
    if (step.kind === 'chapter') chapter += 1;
    else found.push({ after: chapter, minutes: step.minutes });
  }
  return found;
};

describe('plan templates', () => {
  it('fits the film and discussions into two hours, in proportion to the suggested minutes', () => {
    const plan = planFromTemplate('2h', FILM_CHAPTERS);
    expect(plan.budgetMinutes).toBe(120);
    expect(chapterIds(plan.steps)).toEqual(FILM_CHAPTERS.map((chapter) => chapter.id));
    expect(chapterIds(plan.steps)[0]).toBe('apning');
    expect(minutesOf(plan.steps)).toEqual([3, 14, 11, 11, 11, 14, 10, 14]);
    expect(breaksAfter(plan.steps)).toEqual([]);
    const totals = planTotals(plan, FILM_CHAPTERS);
    expect(totals).toMatchObject({
      filmMinutes: 32,
      discussionMinutes: 88,
      breakMinutes: 0,
      totalMinutes: 120,
    });
    expect(totals.differenceMinutes).toBe(0);
  });

  it('puts half a day’s one break near the middle, between chapters', () => {
    const plan = planFromTemplate('half-day', FILM_CHAPTERS);
    expect(plan.budgetMinutes).toBe(210);
    const breaks = breaksAfter(plan.steps);
    expect(breaks).toHaveLength(1);
    expect(breaks[0]!.minutes).toBe(15);
    // 195 minutes of film and talk: «Økonomi» (the fifth chapter) ends nearest the middle.
    expect(breaks[0]!.after).toBe(4);
    expect(planTotals(plan, FILM_CHAPTERS).totalMinutes).toBe(210);
  });

  it('spreads a full day’s breaks and lunch in order, lunch in the middle', () => {
    const plan = planFromTemplate('full-day', FILM_CHAPTERS);
    expect(plan.budgetMinutes).toBe(360);
    const breaks = breaksAfter(plan.steps);
    expect(breaks.map((item) => item.minutes)).toEqual([15, 45, 15]);
    // After «Søvn», lunch after «Økonomi», and after «Tannhelse».
    expect(breaks.map((item) => item.after)).toEqual([1, 4, 5]);
    expect(planTotals(plan, FILM_CHAPTERS).totalMinutes).toBe(360);
  });

  it('gives a chapter that plays straight on 0 minutes and still fills the budget', () => {
    const chapters: PlanChapter[] = [
      { id: 'a', start: 0, end: 60, pause: true, minutes: 5 },
      { id: 'b', start: 60, end: 120, pause: false },
      { id: 'c', start: 120, end: 180, pause: true },
    ];
    const plan = planFromTemplate('2h', chapters);
    const minutes = minutesOf(plan.steps);
    expect(minutes[1]).toBe(0);
    // 117 minutes shared 5 : 10 (a chapter without a suggestion counts as ten).
    expect(minutes).toEqual([39, 0, 78]);
  });

  it('lets breaks share a chapter end when there are fewer ends than breaks, and drops them with one chapter', () => {
    const two: PlanChapter[] = [
      { id: 'a', start: 0, end: 600, pause: true, minutes: 10 },
      { id: 'b', start: 600, end: 1200, pause: true, minutes: 10 },
    ];
    expect(breaksAfter(planFromTemplate('full-day', two).steps).map((item) => item.after)).toEqual([0, 0, 0]);
    const one = planFromTemplate('full-day', [two[0]!]);
    expect(breaksAfter(one.steps)).toEqual([]);
    expect(planTotals(one, [two[0]!]).totalMinutes).toBe(360);
  });

  it('runs over, saying so, when the film alone does not fit', () => {
    const long: PlanChapter[] = [
      { id: 'a', start: 0, end: 7000, pause: true, minutes: 10 },
      { id: 'b', start: 7000, end: 7200, pause: true, minutes: 10 },
    ];
    const plan = planFromTemplate('2h', long);
    expect(minutesOf(plan.steps)).toEqual([1, 1]);
    expect(planTotals(plan, long).differenceMinutes).toBe(2);
  });

  it('the default plan is every chapter with its suggested minutes and no budget', () => {
    const plan = defaultPlan(FILM_CHAPTERS);
    expect(plan.budgetMinutes).toBeNull();
    expect(minutesOf(plan.steps)).toEqual([5, 20, 15, 15, 15, 20, 15, 20]);
    expect(planTotals(plan, FILM_CHAPTERS)).toMatchObject({ totalMinutes: 157, differenceMinutes: null });
    expect(minutesOf(defaultPlan([{ id: 'x', start: 0, end: 1, pause: false, minutes: 5 }]).steps)).toEqual([
      0,
    ]);
  });

  const chaptersArbitrary = fc
    .array(
      fc.record({
        seconds: fc.integer({ min: 1, max: 1800 }),
        pause: fc.boolean(),
        minutes: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((specs) => {
      let at = 0;
      return specs.map((spec, index): PlanChapter => {
        const chapter = {
          id: `c${index}`,
          start: at,
          end: at + spec.seconds,
          pause: spec.pause,
          minutes: spec.minutes,
        };
        at += spec.seconds;
        return chapter;
      });
    });

  it('every template shows every chapter exactly once, in film order, the lecture following all of them', () => {
    fc.assert(
      fc.property(chaptersArbitrary, fc.constantFrom(...PLAN_TEMPLATE_IDS), (chapters, id) => {
        const plan = planFromTemplate(id, chapters);
        expect(chapterIds(plan.steps)).toEqual(chapters.map((chapter) => chapter.id));
        const route = lectureRoute(
          { chapters: chapters.map((chapter) => ({ ...chapter, prompts: 1 })) },
          { id: null, name: id, ...plan },
        );
        expect(route.filter((step) => step.kind === 'chapter')).toHaveLength(chapters.length);
        // Breaks sit between chapters: never first, never last.
        expect(plan.steps[0]?.kind).toBe('chapter');
        expect(plan.steps.at(-1)?.kind).toBe('chapter');
      }),
    );
  });

  it('a template never runs over its budget when the film leaves a minute per discussion', () => {
    fc.assert(
      fc.property(chaptersArbitrary, fc.constantFrom(...PLAN_TEMPLATE_IDS), (chapters, id) => {
        const plan = planFromTemplate(id, chapters);
        const totals = planTotals(plan, chapters);
        const pausing = chapters.filter((chapter) => chapter.pause).length;
        const fits = totals.filmMinutes + totals.breakMinutes + pausing <= planTemplate(id).budgetMinutes;
        if (fits) {
          expect(totals.totalMinutes).toBeLessThanOrEqual(planTemplate(id).budgetMinutes);
          // With a discussion to stretch, the budget is used to the minute.
          if (pausing > 0) expect(totals.differenceMinutes).toBe(0);
        }
        chapters.forEach((chapter, index) => {
          const minutes = minutesOf(plan.steps)[index]!;
          expect(Number.isInteger(minutes)).toBe(true);
          if (chapter.pause) expect(minutes).toBeGreaterThanOrEqual(1);
          else expect(minutes).toBe(0);
        });
      }),
    );
  });
});
