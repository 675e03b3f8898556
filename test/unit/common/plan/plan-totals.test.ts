import type { PlanChapter } from '../../../../src/common/plan/plan-chapter';
import { planTotals } from '../../../../src/common/plan/plan-totals';
import { FILM_CHAPTERS } from './course-chapters';

describe('planTotals', () => {
  it('adds film, discussions and breaks of the chapters in the plan, against the budget', () => {
    const totals = planTotals(
      {
        steps: [
          { kind: 'chapter', chapterId: 'apning', minutes: 5 },
          { kind: 'chapter', chapterId: 'bolig', minutes: 15 },
          { kind: 'break', minutes: 10 },
          { kind: 'chapter', chapterId: 'sovn', minutes: 20 },
        ],
        budgetMinutes: 60,
      },
      FILM_CHAPTERS,
    );
    expect(totals).toEqual({
      chapters: 3,
      filmSeconds: 120 + 242 + 323,
      filmMinutes: 12,
      discussionMinutes: 40,
      breakMinutes: 10,
      totalMinutes: 62,
      budgetMinutes: 60,
      differenceMinutes: 2,
    });
  });

  it('has no difference without a budget, and a negative one when time is left', () => {
    const plan = {
      steps: [{ kind: 'chapter' as const, chapterId: 'apning', minutes: 5 }],
      budgetMinutes: null,
    };
    expect(planTotals(plan, FILM_CHAPTERS).differenceMinutes).toBeNull();
    expect(planTotals({ ...plan, budgetMinutes: 30 }, FILM_CHAPTERS).differenceMinutes).toBe(-23);
  });

  it('counts what the lecture shows: no unknown chapters, no repeats, no talk after a chapter that plays on', () => {
    const chapters: PlanChapter[] = [
      { id: 'a', start: 0, end: 30, pause: true },
      { id: 'b', start: 30, end: 60, pause: false },
    ];
    const totals = planTotals(
      {
        steps: [
          { kind: 'chapter', chapterId: 'a', minutes: 4 },
          { kind: 'chapter', chapterId: 'gone', minutes: 9 },
          { kind: 'chapter', chapterId: 'a', minutes: 9 },
          { kind: 'chapter', chapterId: 'b', minutes: 7 },
        ],
        budgetMinutes: null,
      },
      chapters,
    );
    expect(totals).toMatchObject({ chapters: 2, filmSeconds: 60, filmMinutes: 1, discussionMinutes: 4 });
  });

  it('rounds the film up to whole minutes without floating-point noise', () => {
    const tenths: PlanChapter[] = [
      { id: 'a', start: 0, end: 59.9, pause: false },
      { id: 'b', start: 59.9, end: 60, pause: false },
    ];
    const steps = tenths.map((chapter) => ({ kind: 'chapter' as const, chapterId: chapter.id, minutes: 0 }));
    expect(planTotals({ steps, budgetMinutes: null }, tenths).filmMinutes).toBe(1);
    expect(planTotals({ steps: steps.slice(1), budgetMinutes: null }, tenths).filmMinutes).toBe(1);
    expect(planTotals({ steps: [], budgetMinutes: 10 }, tenths)).toMatchObject({
      chapters: 0,
      totalMinutes: 0,
      differenceMinutes: -10,
    });
  });
});
