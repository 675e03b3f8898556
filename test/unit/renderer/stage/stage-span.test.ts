import type { Chapter } from '../../../../src/common/course/manifest';
import { initialLectureState, type LectureState } from '../../../../src/common/lecture/lecture-state';
import { stageSpan } from '../../../../renderer/src/stage/stage-span';

const chapter = (start: number, end: number, pause: boolean, statements: [number, number][]): Chapter => ({
  id: `c${start}`,
  title: `Chapter at ${start}`,
  start,
  end,
  pause,
  statements: statements.map(([from, to]) => ({ start: from, end: to, label: `at ${from}` })),
  prompts: [],
  tips: [],
  solutions: [],
  links: [],
});

const chapters = [
  chapter(0, 6, true, []),
  chapter(6, 22.16, false, [
    [13.6, 14.4],
    [20, 21],
  ]),
];
const state = (patch: Partial<LectureState>): LectureState => ({ ...initialLectureState(), ...patch });

describe("the stage's one span watcher", () => {
  it('watches the chapter being played, pausing at its end only when the chapter pauses', () => {
    expect(stageSpan(chapters, state({ phase: { kind: 'playing', chapter: 0 } }))).toEqual({
      kind: 'chapter',
      chapter: 0,
      span: { start: 0, end: 6, pause: true },
    });
    expect(stageSpan(chapters, state({ phase: { kind: 'playing', chapter: 1 } }))?.span.pause).toBe(false);
  });

  it('watches nothing while the film stands still, and nothing for a chapter the course lacks', () => {
    expect(stageSpan(chapters, state({ phase: { kind: 'paused', chapter: 1 } }))).toBeNull();
    expect(stageSpan(chapters, state({ phase: { kind: 'ready' } }))).toBeNull();
    expect(stageSpan(chapters, state({ phase: { kind: 'playing', chapter: 9 } }))).toBeNull();
  });

  it("watches a replayed statement's span and always stops on its last frame, even in a chapter that runs on", () => {
    const replaying = state({
      phase: { kind: 'discussing', chapter: 1, promptIndex: 0, since: 0 },
      replay: { chapter: 1, statement: 1 },
    });
    expect(stageSpan(chapters, replaying)).toEqual({
      kind: 'statement',
      chapter: 1,
      statement: 1,
      span: { start: 20, end: 21, pause: true },
    });
  });

  it("puts the replay before a playing chapter, so the chapter's stop cannot cut the statement", () => {
    const both = state({ phase: { kind: 'playing', chapter: 1 }, replay: { chapter: 1, statement: 0 } });
    expect(stageSpan(chapters, both)?.kind).toBe('statement');
    // A replay of a statement the course lacks watches nothing (the stage reports it ended).
    const missing = state({ phase: { kind: 'paused', chapter: 1 }, replay: { chapter: 1, statement: 5 } });
    expect(stageSpan(chapters, missing)).toBeNull();
  });
});
