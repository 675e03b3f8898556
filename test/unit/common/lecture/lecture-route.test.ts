import {
  chapterAfter,
  chapterBefore,
  lectureRoute,
  plannedMinutes,
  routeChapters,
  stepAfterChapter,
} from '../../../../src/common/lecture/lecture-route';
import { accrueChapterTime } from '../../../../src/common/lecture/chapter-times';
import type { LecturePlan } from '../../../../src/common/plan/plan-step';

const course = {
  chapters: [
    { id: 'a', start: 0, pause: true, prompts: 0, minutes: 5 },
    { id: 'b', start: 10, pause: true, prompts: 2 },
    { id: 'c', start: 20, pause: false, prompts: 0 },
  ],
};
const plan = (steps: LecturePlan['steps']): LecturePlan => ({
  id: 1,
  name: 'p',
  budgetMinutes: null,
  steps,
});

describe('the lecture route', () => {
  it('is every chapter in film order with the course minutes when there is no plan', () => {
    expect(lectureRoute(course, null)).toEqual([
      { kind: 'chapter', chapter: 0, minutes: 5 },
      { kind: 'chapter', chapter: 1, minutes: null },
      { kind: 'chapter', chapter: 2, minutes: null },
    ]);
  });

  it('follows the plan, dropping unknown chapters and repeats, keeping breaks', () => {
    const route = lectureRoute(
      course,
      plan([
        { kind: 'chapter', chapterId: 'c', minutes: 0 },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'gone', minutes: 3 },
        { kind: 'chapter', chapterId: 'a', minutes: 7 },
        { kind: 'chapter', chapterId: 'c', minutes: 9 },
      ]),
    );
    expect(route).toEqual([
      { kind: 'chapter', chapter: 2, minutes: 0 },
      { kind: 'break', minutes: 10 },
      { kind: 'chapter', chapter: 0, minutes: 7 },
    ]);
    expect(routeChapters(route)).toEqual([2, 0]);
    expect(chapterAfter(route, 2)).toBe(0);
    expect(chapterAfter(route, 0)).toBeNull();
    expect(chapterBefore(route, 0)).toBe(2);
    expect(chapterBefore(route, 2)).toBeNull();
    expect(plannedMinutes(route, 0)).toBe(7);
    expect(plannedMinutes(route, 1)).toBeNull();
    // A chapter the plan leaves out goes on with the first planned chapter later in the film.
    expect(stepAfterChapter(route, 1)).toBe(0);
    expect(
      chapterAfter(lectureRoute(course, plan([{ kind: 'chapter', chapterId: 'c', minutes: 1 }])), 0),
    ).toBe(2);
  });
});

describe('chapter times', () => {
  it('counts playing as film, pauses and discussions as talk, and nothing else', () => {
    const totals = new Map([[1, { filmSeconds: 10, discussionSeconds: 5 }]]);
    expect(accrueChapterTime(totals, { kind: 'playing', chapter: 1 }, 0, 4000)).toEqual({
      chapter: 1,
      time: { filmSeconds: 14, discussionSeconds: 5 },
    });
    expect(
      accrueChapterTime(totals, { kind: 'discussing', chapter: 1, promptIndex: 0, since: 0 }, 0, 60_000),
    ).toEqual({ chapter: 1, time: { filmSeconds: 10, discussionSeconds: 65 } });
    expect(accrueChapterTime(totals, { kind: 'paused', chapter: 2 }, 1000, 3000)).toEqual({
      chapter: 2,
      time: { filmSeconds: 0, discussionSeconds: 2 },
    });
    expect(accrueChapterTime(totals, { kind: 'break', after: 1, minutes: 5, since: 0 }, 0, 9000)).toBeNull();
    expect(accrueChapterTime(totals, { kind: 'ready' }, 0, 9000)).toBeNull();
    // A clock that went backwards adds nothing rather than taking time away.
    expect(accrueChapterTime(totals, { kind: 'playing', chapter: 1 }, 5000, 4000)?.time.filmSeconds).toBe(10);
    expect(totals.get(1)).toEqual({ filmSeconds: 10, discussionSeconds: 5 });
  });
});
