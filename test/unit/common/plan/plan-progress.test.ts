import type { LecturePhase } from '../../../../src/common/lecture/lecture-state';
import type { PlanChapter } from '../../../../src/common/plan/plan-chapter';
import { planProgress, type ProgressInput } from '../../../../src/common/plan/plan-progress';
import type { LecturePlan } from '../../../../src/common/plan/plan-step';
import { FILM_CHAPTERS } from './course-chapters';

/** Four chapters: a minute of film each but b (two), c plays straight on. */
const CHAPTERS: readonly PlanChapter[] = [
  { id: 'a', start: 0, end: 60, pause: true, minutes: 5 },
  { id: 'b', start: 60, end: 180, pause: true, minutes: 10 },
  { id: 'c', start: 180, end: 240, pause: false },
  { id: 'd', start: 240, end: 300, pause: true, minutes: 5 },
];

const PLAN: LecturePlan = {
  id: 7,
  name: 'Torsdag',
  budgetMinutes: null,
  steps: [
    { kind: 'chapter', chapterId: 'a', minutes: 4 },
    { kind: 'break', minutes: 10 },
    { kind: 'chapter', chapterId: 'b', minutes: 6 },
    { kind: 'chapter', chapterId: 'c', minutes: 0 },
    { kind: 'chapter', chapterId: 'd', minutes: 3 },
  ],
};
// Film 5 min; talk 4 + 6 + 3; break 10: 28 min.
const PLAN_SECONDS = 28 * 60;

const NOW = 1_000_000_000;

function input(phase: LecturePhase, extra: Partial<ProgressInput> = {}): ProgressInput {
  return {
    chapters: CHAPTERS,
    plan: PLAN,
    phase,
    timings: [],
    elapsedMs: 0,
    now: NOW,
    position: 0,
    ...extra,
  };
}

describe('planProgress', () => {
  it('before the film: every step to come, the forecast is the plan, no drift', () => {
    const progress = planProgress(input({ kind: 'ready' }));
    expect(progress.steps.map((step) => step.status)).toEqual([
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(progress.steps.map((step) => step.plannedSeconds)).toEqual([
      60 + 240,
      600,
      120 + 360,
      60, // plays straight on: the plan's minutes for it count for nothing
      60 + 180,
    ]);
    expect(progress.planSeconds).toBe(PLAN_SECONDS);
    expect(progress.forecastSeconds).toBe(PLAN_SECONDS);
    expect(progress.driftSeconds).toBe(0);
  });

  it('time before the first frame (reading the notice) already counts against the plan', () => {
    const progress = planProgress(input({ kind: 'ready' }, { elapsedMs: 90_000 }));
    expect(progress.elapsedSeconds).toBe(90);
    expect(progress.driftSeconds).toBe(90);
  });

  it('a long discussion under way moves the forecast: its time beyond the plan is the drift', () => {
    const since = NOW - 9 * 60_000;
    const progress = planProgress(
      input(
        { kind: 'discussing', chapter: 0, promptIndex: 0, since },
        {
          // The snapshot was taken when the discussion began: the film, no talk yet.
          timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 0 }],
          elapsedMs: (60 + 9 * 60) * 1000,
        },
      ),
    );
    const first = progress.steps[0];
    expect(first).toMatchObject({ kind: 'chapter', chapter: 0, status: 'current', actualSeconds: 60 + 540 });
    expect(progress.steps.slice(1).every((step) => step.status === 'upcoming')).toBe(true);
    // The discussion is 5 min over its 4; the rest to plan.
    expect(progress.driftSeconds).toBe(5 * 60);
    expect(progress.forecastSeconds).toBe(PLAN_SECONDS + 5 * 60);
  });

  it('a step under way that is ahead of its plan keeps the rest of its time in the forecast', () => {
    const progress = planProgress(
      input(
        { kind: 'discussing', chapter: 0, promptIndex: 0, since: NOW - 60_000 },
        { timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 0 }], elapsedMs: 120_000 },
      ),
    );
    expect(progress.driftSeconds).toBe(0);
  });

  it('what is left of a discussion is what its timer has left: held by a pause, lengthened by +1 min', () => {
    const timings = [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 0 }];
    const base = { kind: 'discussing', chapter: 0, promptIndex: 0 } as const;
    // Three minutes on the timer, then paused for five: one minute of the four is left, whatever the wall says.
    const paused = planProgress(
      input(
        { ...base, since: NOW - 8 * 60_000, pausedAt: NOW - 5 * 60_000 },
        { timings, elapsedMs: (60 + 8 * 60) * 1000 },
      ),
    );
    // Forecast: 9 min so far, 1 min of talk left, 23 min to come: 33 min against 28.
    expect(paused.forecastSeconds).toBe(9 * 60 + 60 + (PLAN_SECONDS - 300));
    // The time taken is what main counted (up to the pause, its last change) or the timer, the larger.
    expect(paused.steps[0]?.actualSeconds).toBe(60 + 3 * 60);
    const counted = planProgress(
      input(
        { ...base, since: NOW - 8 * 60_000, pausedAt: NOW - 5 * 60_000 },
        { timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 7 * 60 }], elapsedMs: 540_000 },
      ),
    );
    expect(counted.steps[0]?.actualSeconds).toBe(60 + 7 * 60);
    expect(counted.forecastSeconds).toBe(paused.forecastSeconds);
    const longer = planProgress(
      input({ ...base, since: NOW - 3 * 60_000, addedMinutes: 2 }, { timings, elapsedMs: (60 + 180) * 1000 }),
    );
    expect(longer.steps[0]?.plannedSeconds).toBe(60 + 6 * 60);
    // Four minutes planned and two added, three taken: three left, two beyond the plan.
    expect(longer.driftSeconds).toBe(2 * 60);
  });

  it('a paused break holds its countdown', () => {
    const plan: LecturePlan = {
      ...PLAN,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 4 },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'b', minutes: 6 },
      ],
    };
    const progress = planProgress(
      input(
        { kind: 'break', after: 0, minutes: 10, since: NOW - 12 * 60_000, pausedAt: NOW - 8 * 60_000 },
        {
          plan,
          timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 240 }],
          elapsedMs: (300 + 12 * 60) * 1000,
        },
      ),
    );
    // Four minutes counted down, six left; b's eight to come.
    expect(progress.steps[1]?.actualSeconds).toBe(240);
    expect(progress.forecastSeconds).toBe(300 + 720 + 360 + 480);
  });

  it('recorded talk larger than the live part (a pause inside the film) is kept', () => {
    const progress = planProgress(
      input(
        { kind: 'discussing', chapter: 0, promptIndex: 0, since: NOW - 10_000 },
        { timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 200 }], elapsedMs: 260_000 },
      ),
    );
    expect(progress.steps[0]?.actualSeconds).toBe(260);
  });

  it('a playing chapter takes its film so far from the playhead, never beyond its length', () => {
    const phase: LecturePhase = { kind: 'playing', chapter: 2 };
    const timings = [
      { chapterId: 'a', filmSeconds: 60, discussionSeconds: 240 },
      { chapterId: 'b', filmSeconds: 120, discussionSeconds: 360 },
    ];
    const early = planProgress(input(phase, { timings, position: 200, elapsedMs: 0 }));
    expect(early.steps[3]).toMatchObject({ status: 'current', actualSeconds: 20 });
    const late = planProgress(input(phase, { timings, position: 999, elapsedMs: 0 }));
    expect(late.steps[3]).toMatchObject({ status: 'current', actualSeconds: 60 });
    expect(early.steps.slice(0, 3).map((step) => step.status)).toEqual(['done', 'done', 'done']);
    expect(early.steps[0]?.actualSeconds).toBe(300);
    // A finished break's length is not recorded.
    expect(early.steps[1]?.actualSeconds).toBeNull();
  });

  it('a chapter passed over is skipped and its time leaves the forecast', () => {
    // The lecturer went from a's discussion straight to c: the break and b were never held.
    const progress = planProgress(
      input(
        { kind: 'playing', chapter: 2 },
        {
          timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 240 }],
          position: 180,
          elapsedMs: 300_000,
        },
      ),
    );
    expect(progress.steps.map((step) => step.status)).toEqual([
      'done',
      'done',
      'skipped',
      'current',
      'upcoming',
    ]);
    expect(progress.steps[2]?.actualSeconds).toBeNull();
    // 300 s so far, c's minute and d's four to come: 300 + 60 + 240 against 28 min.
    expect(progress.forecastSeconds).toBe(600);
    expect(progress.driftSeconds).toBe(600 - PLAN_SECONDS);
  });

  it('a break under way counts from its start and holds a run of breaks as one', () => {
    const plan: LecturePlan = {
      ...PLAN,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 4 },
        { kind: 'break', minutes: 10 },
        { kind: 'break', minutes: 5 },
        { kind: 'chapter', chapterId: 'b', minutes: 6 },
      ],
    };
    const progress = planProgress(
      input(
        { kind: 'break', after: 0, minutes: 15, since: NOW - 20 * 60_000 },
        {
          plan,
          timings: [{ chapterId: 'a', filmSeconds: 60, discussionSeconds: 240 }],
          elapsedMs: (300 + 1200) * 1000,
        },
      ),
    );
    expect(progress.steps.map((step) => step.status)).toEqual(['done', 'current', 'current', 'upcoming']);
    expect(progress.steps[1]?.actualSeconds).toBe(1200);
    // Five minutes over the 15 of break; b still to come.
    expect(progress.driftSeconds).toBe(5 * 60);
  });

  it('a chapter shown by number, outside the plan, stands as an extra step with no planned time', () => {
    const plan: LecturePlan = {
      ...PLAN,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 4 },
        { kind: 'chapter', chapterId: 'd', minutes: 3 },
      ],
    };
    const progress = planProgress(
      input(
        { kind: 'discussing', chapter: 1, promptIndex: 0, since: NOW - 120_000 },
        {
          plan,
          timings: [
            { chapterId: 'a', filmSeconds: 60, discussionSeconds: 240 },
            { chapterId: 'b', filmSeconds: 120, discussionSeconds: 0 },
          ],
          elapsedMs: (300 + 240) * 1000,
        },
      ),
    );
    expect(progress.steps).toHaveLength(3);
    expect(progress.steps[1]).toEqual({
      kind: 'chapter',
      chapter: 1,
      status: 'current',
      plannedSeconds: 0,
      actualSeconds: 240,
      offPlan: true,
    });
    expect(progress.steps[2]?.status).toBe('upcoming');
    // All of b's four minutes are beyond the plan (300 s for a, 240 s for d: 9 min).
    expect(progress.driftSeconds).toBe(540 + 240 - 540);
  });

  it('after the film everything is past and the forecast is the clock', () => {
    const progress = planProgress(
      input(
        { kind: 'finished' },
        {
          timings: CHAPTERS.map((chapter) => ({
            chapterId: chapter.id,
            filmSeconds: chapter.end - chapter.start,
            discussionSeconds: 60,
          })),
          elapsedMs: 1_500_000,
        },
      ),
    );
    expect(progress.steps.every((step) => step.status === 'done')).toBe(true);
    expect(progress.forecastSeconds).toBe(1500);
  });

  it('measures against the budget when the plan has one', () => {
    const progress = planProgress(input({ kind: 'ready' }, { plan: { ...PLAN, budgetMinutes: 45 } }));
    expect(progress.planSeconds).toBe(45 * 60);
    expect(progress.driftSeconds).toBe(PLAN_SECONDS - 45 * 60);
  });

  it('without a plan follows every chapter with the course suggestions', () => {
    const progress = planProgress({
      chapters: FILM_CHAPTERS,
      plan: null,
      phase: { kind: 'ready' },
      timings: [],
      elapsedMs: 0,
      now: NOW,
      position: 0,
    });
    expect(progress.steps).toHaveLength(FILM_CHAPTERS.length);
    // 1912 s of film rounds up to 32 minutes in the plan's sum; the steps hold the exact seconds.
    const suggested = FILM_CHAPTERS.reduce((sum, chapter) => sum + (chapter.minutes ?? 0), 0);
    expect(progress.planSeconds).toBe((32 + suggested) * 60);
    expect(progress.forecastSeconds).toBe(1911 + suggested * 60);
  });
});
