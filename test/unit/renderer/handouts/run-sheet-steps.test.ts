import type { Chapter, CourseManifest } from '../../../../src/common/course/manifest';
import { runSheetLength, runSheetSteps } from '../../../../renderer/src/handouts/run-sheet-steps';

/** A chapter of the given span with the course's suggested minutes. */
function chapter(id: string, start: number, end: number, extra: Partial<Chapter> = {}): Chapter {
  return {
    id,
    title: id,
    start,
    end,
    pause: true,
    statements: [],
    prompts: [],
    tips: [],
    solutions: [],
    links: [],
    ...extra,
  };
}

const manifest: CourseManifest = {
  manifestVersion: 1,
  id: 'demo',
  title: 'Demo',
  language: 'nb',
  people: [],
  subtitles: [],
  film: { entry: 'media/index.m3u8', duration: 600 },
  chapters: [
    chapter('a', 0, 120, { minutes: 5 }),
    chapter('b', 120, 300, { minutes: 10 }),
    chapter('c', 300, 330, { pause: false, minutes: 7 }),
    chapter('d', 330, 600),
  ],
};

describe('the run sheet', () => {
  test('without a plan: every chapter in film order, its film then its suggested talk', () => {
    const steps = runSheetSteps(manifest, null);
    expect(
      steps.map((step) =>
        step.kind === 'chapter' ? [step.number, step.startsAt, step.discussionMinutes] : step,
      ),
    ).toEqual([
      [1, 0, 5],
      [2, 120 + 300, 10],
      // A chapter that does not stop has no discussion, whatever minutes it suggests.
      [3, 420 + 180 + 600, 0],
      [4, 1200 + 30, 0],
    ]);
    expect(runSheetLength(steps)).toBe(1230 + 270);
  });

  test('with a plan: its order, its minutes and its breaks; an unknown or repeated chapter is left out', () => {
    const steps = runSheetSteps(manifest, {
      id: 1,
      name: 'Kort',
      budgetMinutes: null,
      steps: [
        { kind: 'chapter', chapterId: 'b', minutes: 3 },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'gone', minutes: 4 },
        { kind: 'chapter', chapterId: 'a', minutes: 2 },
        { kind: 'chapter', chapterId: 'b', minutes: 9 },
      ],
    });
    expect(steps).toEqual([
      expect.objectContaining({
        kind: 'chapter',
        number: 2,
        startsAt: 0,
        filmSeconds: 180,
        discussionMinutes: 3,
      }),
      { kind: 'break', startsAt: 360, minutes: 10 },
      expect.objectContaining({
        kind: 'chapter',
        number: 1,
        startsAt: 960,
        filmSeconds: 120,
        discussionMinutes: 2,
      }),
    ]);
    expect(runSheetLength(steps)).toBe(960 + 120 + 120);
  });

  test('names who leads a chapter when the plan does, and no one otherwise', () => {
    const steps = runSheetSteps(manifest, {
      id: 1,
      name: 'Sammen',
      budgetMinutes: null,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 2, lead: 'user-representative' },
        { kind: 'chapter', chapterId: 'b', minutes: 3 },
      ],
    });
    expect(steps.map((step) => (step.kind === 'chapter' ? step.lead : 'break'))).toEqual([
      'user-representative',
      null,
    ]);
    expect(runSheetSteps(manifest, null).every((step) => step.kind !== 'chapter' || step.lead === null)).toBe(
      true,
    );
  });

  test('an empty plan has no steps and no length', () => {
    const steps = runSheetSteps(manifest, { id: null, name: 'Tom', budgetMinutes: null, steps: [] });
    expect(steps).toEqual([]);
    expect(runSheetLength(steps)).toBe(0);
  });
});
