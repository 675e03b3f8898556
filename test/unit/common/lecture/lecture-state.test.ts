import fc from 'fast-check';
import {
  initialLectureState,
  lectureCommandSchema,
  reduceLecture,
  type LectureCommand,
  type LectureState,
} from '../../../../src/common/lecture/lecture-state';

const course = {
  chapters: [
    { pause: true, prompts: 0 },
    { pause: true, prompts: 3 },
    { pause: false, prompts: 1 },
    { pause: true, prompts: 2 },
  ],
};

function run(commands: LectureCommand[], start: LectureState = initialLectureState()): LectureState {
  return commands.reduce(
    (state, command, index) => reduceLecture(state, command, course, 1000 + index),
    start,
  );
}

describe('the lecture reducer', () => {
  it('plays, stops for discussion at a pausing chapter end, and continues with the next chapter', () => {
    let state = run([{ type: 'play' }]);
    expect(state.phase).toEqual({ kind: 'playing', chapter: 0 });
    state = run([{ type: 'chapter-ended', chapter: 0, at: 120 }], state);
    expect(state.phase).toMatchObject({ kind: 'discussing', chapter: 0, promptIndex: 0 });
    expect(state.position).toBe(120);
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
    expect(run([{ type: 'previous', nearStart: false }], playing).phase).toEqual({
      kind: 'paused',
      chapter: 2,
      atStart: true,
    });
    expect(run([{ type: 'previous', nearStart: true }], playing).phase).toEqual({
      kind: 'paused',
      chapter: 1,
      atStart: true,
    });
    // A second press at a chapter's start keeps stepping back, and stops at the first chapter.
    const first = run(
      [
        { type: 'previous', nearStart: true },
        { type: 'previous', nearStart: true },
      ],
      playing,
    );
    expect(first.phase).toEqual({ kind: 'paused', chapter: 0, atStart: true });
    expect(run([{ type: 'previous', nearStart: true }], first).phase).toEqual({
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
      42_000,
    );
    expect(state.phase).toMatchObject({ since: 42_000 });
  });

  it('never leaves the chapters, never lowers the revision, and keeps position non-negative (property)', () => {
    const command = fc.oneof(
      fc.constantFrom<LectureCommand>(
        { type: 'play' },
        { type: 'pause' },
        { type: 'toggle-play' },
        { type: 'next' },
        { type: 'previous' },
        { type: 'previous', nearStart: true },
        { type: 'blank' },
        { type: 'unblank' },
        { type: 'restart' },
      ),
      fc.record({ type: fc.constant('go-to-chapter' as const), chapter: fc.nat(6) }),
      fc.record({ type: fc.constant('show-prompt' as const), promptIndex: fc.nat(4) }),
      fc.record({ type: fc.constant('chapter-ended' as const), chapter: fc.nat(4), at: fc.nat(2000) }),
      fc.record({ type: fc.constant('position' as const), seconds: fc.nat(2000) }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state = initialLectureState();
        for (const [index, next] of commands.entries()) {
          expect(lectureCommandSchema.safeParse(next).success).toBe(true);
          const after = reduceLecture(state, next, course, index);
          expect(after.revision).toBeGreaterThanOrEqual(state.revision);
          if ('chapter' in after.phase) expect(after.phase.chapter).toBeLessThan(course.chapters.length);
          expect(after.position).toBeGreaterThanOrEqual(0);
          state = after;
        }
      }),
    );
  });
});
