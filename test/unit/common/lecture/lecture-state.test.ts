import fc from 'fast-check';
import {
  initialLectureState,
  lectureCommandSchema,
  reduceLecture,
  type LectureCommand,
  type LectureState,
} from '../../../../src/common/lecture/lecture-state';
import type { LecturePlan } from '../../../../src/common/plan/plan-step';

const course = {
  chapters: [
    { id: 'a', start: 0, pause: true, prompts: 0, minutes: 5 },
    { id: 'b', start: 100, pause: true, prompts: 3, minutes: 20 },
    { id: 'c', start: 200, pause: false, prompts: 1 },
    { id: 'd', start: 300, pause: true, prompts: 2, minutes: 15 },
  ],
};

/** Far from every chapter's start: "back" goes to the start of the chapter under way. */
const MID_CHAPTER = 50;

function run(
  commands: LectureCommand[],
  start: LectureState = initialLectureState(),
  position = MID_CHAPTER,
): LectureState {
  return commands.reduce(
    (state, command, index) => reduceLecture(state, command, course, { now: 1000 + index, position }),
    start,
  );
}

/** "Back" with the playhead just after the current chapter's start (as main holds it after a first press). */
function backNearStart(state: LectureState): LectureState {
  const chapter = 'chapter' in state.phase ? state.phase.chapter : 0;
  const position = (course.chapters[chapter]?.start ?? 0) + 0.5;
  return reduceLecture(state, { type: 'previous' }, course, { now: 0, position });
}

describe('the lecture reducer', () => {
  it('plays, stops for discussion at a pausing chapter end, and continues with the next chapter', () => {
    let state = run([{ type: 'play' }]);
    expect(state.phase).toEqual({ kind: 'playing', chapter: 0 });
    state = run([{ type: 'chapter-ended', chapter: 0, at: 120 }], state);
    expect(state.phase).toMatchObject({ kind: 'discussing', chapter: 0, promptIndex: 0 });
    state = run([{ type: 'next' }], state);
    expect(state.phase).toEqual({ kind: 'playing', chapter: 1 });
  });

  it('plays straight on through a chapter without pause, and finishes after the last', () => {
    const state = run([
      { type: 'go-to-chapter', chapter: 2 },
      { type: 'play' },
      { type: 'chapter-ended', chapter: 2, at: 50 },
    ]);
    expect(state.phase).toEqual({ kind: 'playing', chapter: 3 });
    const done = run([{ type: 'chapter-ended', chapter: 3, at: 60 }, { type: 'next' }], state);
    expect(done.phase).toEqual({ kind: 'finished' });
  });

  it('ignores a chapter end reported for another chapter (a late report after a jump)', () => {
    const state = run([{ type: 'play' }, { type: 'go-to-chapter', chapter: 2 }, { type: 'play' }]);
    expect(run([{ type: 'chapter-ended', chapter: 0, at: 120 }], state)).toBe(state);
  });

  it('shows only prompts the chapter has', () => {
    const discussing = run([
      { type: 'go-to-chapter', chapter: 1 },
      { type: 'play' },
      { type: 'chapter-ended', chapter: 1, at: 9 },
    ]);
    expect(run([{ type: 'show-prompt', promptIndex: 2 }], discussing).phase).toMatchObject({
      promptIndex: 2,
    });
    expect(run([{ type: 'show-prompt', promptIndex: 3 }], discussing)).toBe(discussing);
  });

  it('blanks by pausing the film, and any key brings the picture back without playing', () => {
    const blanked = run([{ type: 'play' }, { type: 'blank' }]);
    expect(blanked).toMatchObject({ blank: true, phase: { kind: 'paused', chapter: 0 } });
    expect(run([{ type: 'unblank' }], blanked)).toMatchObject({ blank: false, phase: { kind: 'paused' } });
  });

  it('never plays under a blank screen: a button that moves on unblanks too', () => {
    const blankDiscussion = run([
      { type: 'play' },
      { type: 'chapter-ended', chapter: 0, at: 1 },
      { type: 'blank' },
    ]);
    expect(blankDiscussion.blank).toBe(true);
    expect(run([{ type: 'next' }], blankDiscussion)).toMatchObject({
      blank: false,
      phase: { kind: 'playing' },
    });
    const blankPaused = run([{ type: 'play' }, { type: 'blank' }]);
    expect(run([{ type: 'next' }], blankPaused)).toMatchObject({
      blank: false,
      phase: { kind: 'playing', chapter: 1 },
    });
    // Going to a chapter's start keeps the screen as it is: nothing plays.
    expect(run([{ type: 'go-to-chapter', chapter: 2 }], blankPaused).blank).toBe(true);
  });

  it('goes back to the start of this chapter, or from a discussion to the chapter just discussed', () => {
    expect(run([{ type: 'play' }, { type: 'previous' }]).phase).toEqual({
      kind: 'paused',
      chapter: 0,
      atStart: true,
    });
    const discussing = run([{ type: 'play' }, { type: 'chapter-ended', chapter: 0, at: 1 }]);
    expect(run([{ type: 'previous' }], discussing).phase).toEqual({
      kind: 'paused',
      chapter: 0,
      atStart: true,
    });
  });

  it('goes back to the previous chapter when the playhead is near the start of this one', () => {
    const playing = run([{ type: 'go-to-chapter', chapter: 2 }, { type: 'play' }]);
    expect(run([{ type: 'previous' }], playing, 250).phase).toEqual({
      kind: 'paused',
      chapter: 2,
      atStart: true,
    });
    expect(backNearStart(playing).phase).toEqual({
      kind: 'paused',
      chapter: 1,
      atStart: true,
    });
    // A second press at a chapter's start keeps stepping back, and stops at the first chapter.
    const first = backNearStart(backNearStart(playing));
    expect(first.phase).toEqual({ kind: 'paused', chapter: 0, atStart: true });
    expect(backNearStart(first).phase).toEqual({
      kind: 'paused',
      chapter: 0,
      atStart: true,
    });
  });

  it('marks a jump to a chapter, but not a plain pause, as going to the chapter start', () => {
    expect(run([{ type: 'go-to-chapter', chapter: 1 }]).phase).toEqual({
      kind: 'paused',
      chapter: 1,
      atStart: true,
    });
    expect(run([{ type: 'play' }, { type: 'pause' }]).phase).toEqual({ kind: 'paused', chapter: 0 });
  });

  it('stamps when a discussion began, for the timer', () => {
    const state = reduceLecture(
      run([{ type: 'play' }]),
      { type: 'chapter-ended', chapter: 0, at: 120 },
      course,
      { now: 42_000, position: 120 },
    );
    expect(state.phase).toMatchObject({ since: 42_000 });
  });

  it('never leaves the chapters, never lowers the revision, whatever the plan (property)', () => {
    const command = fc.oneof(
      fc.constantFrom<LectureCommand>(
        { type: 'play' },
        { type: 'pause' },
        { type: 'toggle-play' },
        { type: 'next' },
        { type: 'previous' },
        { type: 'blank' },
        { type: 'unblank' },
        { type: 'restart' },
      ),
      fc.record({ type: fc.constant('go-to-chapter' as const), chapter: fc.nat(6) }),
      fc.record({ type: fc.constant('show-prompt' as const), promptIndex: fc.nat(4) }),
      fc.record({ type: fc.constant('chapter-ended' as const), chapter: fc.nat(4), at: fc.nat(2000) }),
      fc.record({ type: fc.constant('set-prompt-mode' as const), mode: fc.constantFrom('one', 'all') }),
      fc.record({
        type: fc.constant('set-plan' as const),
        plan: fc.option(
          fc.record({
            id: fc.constant(null),
            name: fc.constant('p'),
            budgetMinutes: fc.constant(null),
            steps: fc.array(
              fc.oneof(
                fc.record({
                  kind: fc.constant('chapter' as const),
                  chapterId: fc.constantFrom('a', 'b', 'c', 'd', 'gone'),
                  minutes: fc.nat(30),
                }),
                fc.record({ kind: fc.constant('break' as const), minutes: fc.nat(30) }),
              ),
              { maxLength: 8 },
            ),
          }),
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state = initialLectureState();
        for (const [index, next] of commands.entries()) {
          expect(lectureCommandSchema.safeParse(next).success).toBe(true);
          const after = reduceLecture(state, next, course, { now: index, position: (index * 37) % 400 });
          expect(after.revision).toBeGreaterThanOrEqual(state.revision);
          if ('chapter' in after.phase) expect(after.phase.chapter).toBeLessThan(course.chapters.length);
          if (after.phase.kind === 'break') expect(after.phase.minutes).toBeGreaterThanOrEqual(0);
          if (after.phase.kind === 'playing') expect(after.blank).toBe(false);
          if (after.phase.kind === 'discussing')
            expect(after.phase.promptIndex).toBeLessThan(
              Math.max(1, course.chapters[after.phase.chapter]!.prompts),
            );
          state = after;
        }
      }),
    );
  });

  describe('following a plan', () => {
    const plan = (steps: LecturePlan['steps']): LectureCommand => ({
      type: 'set-plan',
      plan: { id: 7, name: 'Kort økt', budgetMinutes: 120, steps },
    });
    const chapter = (chapterId: string, minutes = 10) => ({ kind: 'chapter' as const, chapterId, minutes });

    it('starts with the first planned chapter and skips the chapters left out', () => {
      let state = run([plan([chapter('b'), chapter('d')]), { type: 'play' }]);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 1 });
      state = run([{ type: 'chapter-ended', chapter: 1, at: 30 }, { type: 'next' }], state);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 3 });
      state = run([{ type: 'chapter-ended', chapter: 3, at: 60 }, { type: 'next' }], state);
      expect(state.phase).toEqual({ kind: 'finished' });
      // Back from the end is the last planned chapter; back from there, near its start, the one before it.
      state = run([{ type: 'previous' }], state);
      expect(state.phase).toEqual({ kind: 'paused', chapter: 3, atStart: true });
      expect(backNearStart(state).phase).toMatchObject({ chapter: 1 });
    });

    it('skipping with "next" while the film plays goes to the next planned chapter', () => {
      const state = run([plan([chapter('a'), chapter('d')]), { type: 'play' }, { type: 'next' }]);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 3 });
    });

    it('a chapter that does not pause runs on into the next planned one, wherever it is', () => {
      const state = run([
        plan([chapter('c'), chapter('a')]),
        { type: 'play' },
        { type: 'chapter-ended', chapter: 2, at: 50 },
      ]);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 0 });
    });

    it('holds a planned break after a discussion, with its minutes, then goes on', () => {
      let state = reduceLecture(
        run([
          plan([chapter('a'), { kind: 'break', minutes: 10 }, { kind: 'break', minutes: 5 }, chapter('b')]),
          { type: 'play' },
          { type: 'chapter-ended', chapter: 0, at: 10 },
        ]),
        { type: 'next' },
        course,
        { now: 77_000, position: 10 },
      );
      // Two breaks in a row are one break of their sum.
      expect(state.phase).toEqual({ kind: 'break', after: 0, minutes: 15, since: 77_000 });
      expect(run([{ type: 'previous' }], state).phase).toEqual({ kind: 'paused', chapter: 0, atStart: true });
      state = run([{ type: 'next' }], state);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 1 });
    });

    it('a chapter reached by number that the plan leaves out continues with the next planned chapter', () => {
      const state = run([
        plan([chapter('a'), chapter('d')]),
        { type: 'go-to-chapter', chapter: 1 },
        { type: 'play' },
        { type: 'chapter-ended', chapter: 1, at: 30 },
        { type: 'next' },
      ]);
      expect(state.phase).toEqual({ kind: 'playing', chapter: 3 });
    });

    it('keeps the plan and the prompt mode over a restart', () => {
      const state = run([
        plan([chapter('b')]),
        { type: 'set-prompt-mode', mode: 'all' },
        { type: 'play' },
        { type: 'restart' },
      ]);
      expect(state).toMatchObject({ phase: { kind: 'ready' }, promptMode: 'all' });
      expect(state.plan?.steps).toEqual([chapter('b')]);
    });

    it('a plan without chapters cannot be played', () => {
      const state = run([plan([{ kind: 'break', minutes: 10 }])]);
      expect(run([{ type: 'play' }], state)).toBe(state);
    });
  });

  it('shows the class board for the chapter under way, never over the film, and drops it on a move', () => {
    const discussing = run([{ type: 'play' }, { type: 'chapter-ended', chapter: 0, at: 120 }]);
    const shown = run([{ type: 'show-board' }], discussing);
    expect(shown.board).toBe(true);
    expect(run([{ type: 'show-prompt', promptIndex: 0 }], shown).board).toBe(true);
    expect(run([{ type: 'next' }], shown).board).toBe(false);
    expect(run([{ type: 'go-to-chapter', chapter: 2 }], shown).board).toBe(false);
    expect(run([{ type: 'hide-board' }], shown).board).toBe(false);
    const playing = run([{ type: 'play' }]);
    expect(run([{ type: 'show-board' }], playing)).toBe(playing);
    expect(run([{ type: 'show-board' }])).toEqual(initialLectureState());
  });
});
