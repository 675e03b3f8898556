import { applyTimings, recordedMinutes } from '../../../../src/common/plan/apply-timings';
import type { Plan } from '../../../../src/common/ipc/api-types';

describe('applyTimings', () => {
  const plan: Plan = {
    id: 4,
    courseId: 'hva-er-viktig-for-meg',
    name: 'Torsdag',
    budgetMinutes: 120,
    steps: [
      { kind: 'chapter', chapterId: 'apning', minutes: 5 },
      { kind: 'break', minutes: 10 },
      { kind: 'chapter', chapterId: 'sovn', minutes: 20 },
      { kind: 'chapter', chapterId: 'bolig', minutes: 15 },
    ],
  };

  it('writes the recorded discussion time into the plan, keeping the rest', () => {
    const updated = applyTimings(plan, [
      { chapterId: 'apning', filmSeconds: 120, discussionSeconds: 7 * 60 + 31 },
      { chapterId: 'sovn', filmSeconds: 323, discussionSeconds: 20 },
      // Shown by number during the session, but not in the plan: it stays out.
      { chapterId: 'drommer', filmSeconds: 272, discussionSeconds: 600 },
    ]);
    expect(updated).toEqual({
      ...plan,
      steps: [
        { kind: 'chapter', chapterId: 'apning', minutes: 8 },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'sovn', minutes: 1 },
        { kind: 'chapter', chapterId: 'bolig', minutes: 15 },
      ],
    });
    // The plan given is left as it was.
    expect(plan.steps[0]).toEqual({ kind: 'chapter', chapterId: 'apning', minutes: 5 });
  });

  it('adds up a chapter recorded twice, and takes a chapter with no discussion down to 0', () => {
    const updated = applyTimings(plan, [
      { chapterId: 'bolig', filmSeconds: 100, discussionSeconds: 300 },
      { chapterId: 'bolig', filmSeconds: 100, discussionSeconds: 330 },
      { chapterId: 'sovn', filmSeconds: 323, discussionSeconds: 0 },
    ]);
    expect(updated.steps[3]).toEqual({ kind: 'chapter', chapterId: 'bolig', minutes: 11 });
    expect(updated.steps[2]).toEqual({ kind: 'chapter', chapterId: 'sovn', minutes: 0 });
  });

  it('rounds to whole minutes, at least one for any discussion, at most what a step may hold', () => {
    expect(recordedMinutes(0)).toBe(0);
    expect(recordedMinutes(1)).toBe(1);
    expect(recordedMinutes(89)).toBe(1);
    expect(recordedMinutes(90)).toBe(2);
    expect(recordedMinutes(24 * 3600)).toBe(600);
  });
});
