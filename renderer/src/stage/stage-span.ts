import type { Chapter } from '../../../src/common/course/manifest';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import type { WatchedSpan } from '../film/chapter-stop';

/**
 * What the stage's one span watcher watches: the chapter being played (reported as `chapter-ended`), or the
 * statement being replayed (reported as `replay-ended`).
 */
export type StageSpan =
  | { kind: 'chapter'; chapter: number; span: WatchedSpan }
  | { kind: 'statement'; chapter: number; statement: number; span: WatchedSpan };

/**
 * The span the stage watches in a lecture state, or null. A replay comes first: the reducer pauses the
 * chapter while a statement plays, so the two never compete, but should they, the chapter's stop must not
 * fire in the middle of the statement. A replayed statement always stops on its last frame; a chapter only
 * when it pauses for discussion. A replay of a statement the course lacks watches nothing (the stage then
 * reports it ended).
 */
export function stageSpan(
  chapters: readonly Chapter[],
  state: Pick<LectureState, 'phase' | 'replay'>,
): StageSpan | null {
  const { phase, replay } = state;
  if (replay !== null) {
    const statement = chapters[replay.chapter]?.statements[replay.statement];
    return statement === undefined
      ? null
      : {
          kind: 'statement',
          chapter: replay.chapter,
          statement: replay.statement,
          span: { start: statement.start, end: statement.end, pause: true },
        };
  }
  if (phase.kind !== 'playing') return null;
  const chapter = chapters[phase.chapter];
  return chapter === undefined
    ? null
    : {
        kind: 'chapter',
        chapter: phase.chapter,
        span: { start: chapter.start, end: chapter.end, pause: chapter.pause },
      };
}
