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
    { id: 'b', start: 100, pause: true, prompts: 3, minutes: 20, links: 2, statements: 1 },
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

  it('covers the screen by pausing the film, and taking the cover away plays on from where it stood', () => {
    const blanked = run([{ type: 'play' }, { type: 'blank' }]);
    expect(blanked).toMatchObject({
      blank: { screen: 'black', resume: true },
      phase: { kind: 'paused', chapter: 0 },
    });
    expect(run([{ type: 'unblank' }], blanked)).toMatchObject({
      blank: null,
      phase: { kind: 'playing', chapter: 0 },
    });
    // A paused film stays paused under the cover and after it.
    const pausedCover = run([{ type: 'play' }, { type: 'pause' }, { type: 'blank', screen: 'white' }]);
    expect(pausedCover.blank).toEqual({ screen: 'white', resume: false });
    expect(run([{ type: 'unblank' }], pausedCover)).toMatchObject({ blank: null, phase: { kind: 'paused' } });
    // Switching cover keeps what it covers; the same cover twice changes nothing.
    const holding = run([{ type: 'blank', screen: 'holding' }], blanked);
    expect(holding.blank).toEqual({ screen: 'holding', resume: true });
    expect(run([{ type: 'blank', screen: 'holding' }], holding)).toBe(holding);
    // Sent to a chapter's start under the cover: uncovering shows it there, paused.
    const moved = run([{ type: 'previous' }, { type: 'unblank' }], blanked);
    expect(moved).toMatchObject({ blank: null, phase: { kind: 'paused', atStart: true } });
  });

  it('pages prompts from the one main holds, so two quick presses move twice and stop at the ends', () => {
    const discussing = run([
      { type: 'go-to-chapter', chapter: 1 },
      { type: 'play' },
      { type: 'chapter-ended', chapter: 1, at: 199 },
    ]);
    const twice = run([{ type: 'next-prompt' }, { type: 'next-prompt' }], discussing);
    expect(twice.phase).toMatchObject({ kind: 'discussing', promptIndex: 2 });
    expect(run([{ type: 'next-prompt' }], twice)).toBe(twice);
    expect(run([{ type: 'previous-prompt' }], twice).phase).toMatchObject({ promptIndex: 1 });
    expect(run([{ type: 'previous-prompt' }], discussing)).toBe(discussing);
    // From all prompts, either key goes back to one at a time at the prompt the room had.
    const all = run([{ type: 'set-prompt-mode', mode: 'all' }], twice);
    expect(run([{ type: 'previous-prompt' }], all)).toMatchObject({
      promptMode: 'one',
      phase: { promptIndex: 2 },
    });
    const playing = run([{ type: 'play' }]);
    expect(run([{ type: 'next-prompt' }], playing)).toBe(playing);
  });

  it('a replay asked while the film stands at a chapter’s start leaves it at the statement’s end', () => {
    const atStart = run([{ type: 'go-to-chapter', chapter: 1 }]);
    expect(atStart.phase).toEqual({ kind: 'paused', chapter: 1, atStart: true });
    const replaying = run([{ type: 'replay-statement', chapter: 1, statement: 0 }], atStart);
    expect(replaying.phase).toEqual({ kind: 'paused', chapter: 1 });
    expect(replaying.replay).toEqual({ chapter: 1, statement: 0 });
  });

  it('lets the lecturer pause, resume, reset and lengthen the discussion timer', () => {
    const at = (state: LectureState, command: LectureCommand, now: number): LectureState =>
      reduceLecture(state, command, course, { now, position: 150 });
    let state = at(
      run([{ type: 'go-to-chapter', chapter: 1 }, { type: 'play' }]),
      { type: 'chapter-ended', chapter: 1, at: 150 },
      10_000,
    );
    expect(state.phase).toMatchObject({ kind: 'discussing', since: 10_000 });
    state = at(state, { type: 'pause-timer' }, 40_000);
    expect(state.phase).toMatchObject({ since: 10_000, pausedAt: 40_000 });
    expect(at(state, { type: 'pause-timer' }, 50_000)).toBe(state);
    // 20 s paused: the start moves on by as much, so 30 s have been spent when it runs again.
    state = at(state, { type: 'resume-timer' }, 60_000);
    expect(state.phase).toEqual({ kind: 'discussing', chapter: 1, promptIndex: 0, since: 30_000 });
    state = at(state, { type: 'add-minute' }, 61_000);
    state = at(state, { type: 'add-minute' }, 62_000);
    expect(state.phase).toMatchObject({ addedMinutes: 2 });
    state = at(state, { type: 'reset-timer' }, 90_000);
    expect(state.phase).toMatchObject({ since: 90_000, addedMinutes: 2 });
    // Reset while paused: zero, still paused.
    const paused = at(at(state, { type: 'pause-timer' }, 95_000), { type: 'reset-timer' }, 99_000);
    expect(paused.phase).toMatchObject({ since: 99_000, pausedAt: 99_000 });
    // A film playing has no timer to steer.
    const playing = run([{ type: 'play' }]);
    expect(at(playing, { type: 'add-minute' }, 1)).toBe(playing);
    expect(at(playing, { type: 'pause-timer' }, 1)).toBe(playing);
  });

  it('lengthens a break by a minute and pauses its countdown', () => {
    const plan: LecturePlan = {
      id: null,
      name: 'p',
      budgetMinutes: null,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 5 },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'b', minutes: 5 },
      ],
    };
    let state = run([
      { type: 'set-plan', plan },
      { type: 'play' },
      { type: 'chapter-ended', chapter: 0, at: 90 },
      { type: 'next' },
    ]);
    expect(state.phase).toMatchObject({ kind: 'break', minutes: 10 });
    state = run([{ type: 'add-minute' }, { type: 'pause-timer' }], state);
    expect(state.phase).toMatchObject({ kind: 'break', minutes: 11, pausedAt: expect.any(Number) });
  });

  it('shows one of the chapter’s links as a QR code, apart from the board, and never over the film', () => {
    const discussing = run([
      { type: 'go-to-chapter', chapter: 1 },
      { type: 'play' },
      { type: 'chapter-ended', chapter: 1, at: 199 },
    ]);
    const shown = run([{ type: 'show-board' }, { type: 'show-link', chapter: 1, link: 1 }], discussing);
    expect(shown).toMatchObject({ link: { chapter: 1, link: 1 }, board: false });
    expect(run([{ type: 'show-link', chapter: 1, link: 2 }], discussing)).toBe(discussing);
    expect(run([{ type: 'show-link', chapter: 0, link: 0 }], discussing)).toBe(discussing);
    expect(run([{ type: 'show-board' }], shown)).toMatchObject({ link: null, board: true });
    expect(run([{ type: 'hide-link' }], shown).link).toBeNull();
    expect(run([{ type: 'next' }], shown)).toMatchObject({ link: null, phase: { kind: 'playing' } });
    const playing = run([{ type: 'play' }]);
    expect(run([{ type: 'show-link', chapter: 1, link: 0 }], playing)).toBe(playing);
  });

  it('shows the notice to the room only when the lecturer chooses, before the film', () => {
    const chosen = run([{ type: 'show-notice' }]);
    expect(chosen.notice).toBe(true);
    expect(run([{ type: 'hide-notice' }], chosen).notice).toBe(false);
    const playing = run([{ type: 'play' }]);
    expect(run([{ type: 'show-notice' }], playing)).toBe(playing);
  });

  it('replays a statement while the film plays or stands, until the stage reports its end', () => {
    const playing = run([{ type: 'go-to-chapter', chapter: 1 }, { type: 'play' }]);
    const replaying = run([{ type: 'replay-statement', chapter: 1, statement: 0 }], playing);
    // The chapter's stop is disarmed (not playing) while the statement plays.
    expect(replaying).toMatchObject({
      replay: { chapter: 1, statement: 0 },
      phase: { kind: 'paused', chapter: 1 },
    });
    expect(run([{ type: 'replay-ended', chapter: 1, statement: 1 }], replaying)).toBe(replaying);
    expect(run([{ type: 'replay-ended', chapter: 1, statement: 0 }], replaying).replay).toBeNull();
    // A statement the chapter does not have is not replayed; moving on ends a replay.
    expect(run([{ type: 'replay-statement', chapter: 1, statement: 1 }], playing)).toBe(playing);
    expect(run([{ type: 'play' }], replaying).replay).toBeNull();
    const discussing = run([{ type: 'chapter-ended', chapter: 1, at: 199 }], playing);
    const overDiscussion = run([{ type: 'replay-statement', chapter: 1, statement: 0 }], discussing);
    expect(overDiscussion).toMatchObject({ replay: { statement: 0 }, phase: { kind: 'discussing' } });
    expect(run([{ type: 'show-prompt', promptIndex: 1 }], overDiscussion).replay).not.toBeNull();
    expect(run([{ type: 'blank' }], overDiscussion).replay).toBeNull();
  });

  it('never plays under a blank screen: a button that moves on unblanks too', () => {
    const blankDiscussion = run([
      { type: 'play' },
      { type: 'chapter-ended', chapter: 0, at: 1 },
      { type: 'blank' },
    ]);
    expect(blankDiscussion.blank).toEqual({ screen: 'black', resume: false });
    expect(run([{ type: 'next' }], blankDiscussion)).toMatchObject({
      blank: null,
      phase: { kind: 'playing' },
    });
    const blankPaused = run([{ type: 'play' }, { type: 'blank' }]);
    expect(run([{ type: 'next' }], blankPaused)).toMatchObject({
      blank: null,
      phase: { kind: 'playing', chapter: 1 },
    });
    // Going to a chapter's start keeps the screen as it is: nothing plays.
    expect(run([{ type: 'go-to-chapter', chapter: 2 }], blankPaused).blank).not.toBeNull();
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
        { type: 'blank', screen: 'white' },
        { type: 'unblank' },
        { type: 'restart' },
        { type: 'pause-timer' },
        { type: 'resume-timer' },
        { type: 'reset-timer' },
        { type: 'add-minute' },
        { type: 'show-notice' },
        { type: 'hide-link' },
        { type: 'next-prompt' },
        { type: 'previous-prompt' },
      ),
      fc.record({ type: fc.constant('show-link' as const), chapter: fc.nat(4), link: fc.nat(3) }),
      fc.record({ type: fc.constant('replay-statement' as const), chapter: fc.nat(4), statement: fc.nat(2) }),
      fc.record({ type: fc.constant('replay-ended' as const), chapter: fc.nat(4), statement: fc.nat(2) }),
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
          if (after.phase.kind === 'playing') {
            expect(after.blank).toBeNull();
            expect(after.link).toBeNull();
            expect(after.replay).toBeNull();
          }
          if (after.link !== null)
            expect(after.link.link).toBeLessThan(course.chapters[after.link.chapter]!.links ?? 0);
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
