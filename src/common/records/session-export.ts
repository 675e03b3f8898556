import type { LecturePlan } from '../plan/plan-step';

/** A chapter as a session's record keeps it: enough to name it and to know its suggested minutes. */
export interface RecordedChapter {
  id: string;
  title: string;
  /** The course's suggested discussion minutes, or null. */
  minutes: number | null;
}

/** One chapter shown in a session: planned against actual talk, the film's time, and what the class said. */
export interface ExportedChapter {
  chapterId: string;
  title: string;
  /** The plan's discussion time for it (the course's suggestion without a plan), or null when none. */
  plannedSeconds: number | null;
  discussionSeconds: number;
  filmSeconds: number;
  /** The class board's entries for the chapter, in order. */
  board: string[];
}

/** One session as exported: who, when, which plan, and a row per chapter shown. */
export interface ExportedSession {
  id: number;
  courseId: string;
  courseTitle: string;
  kind: 'lecture' | 'rehearsal';
  startedAt: string;
  endedAt: string | null;
  planName: string | null;
  chapters: ExportedChapter[];
}

/** The planned discussion seconds of a chapter: the plan's step, else (no plan) the course's suggestion. */
export function plannedSeconds(
  chapterId: string,
  plan: LecturePlan | null,
  chapters: readonly RecordedChapter[],
): number | null {
  if (plan !== null) {
    const step = plan.steps.find(
      (candidate) => candidate.kind === 'chapter' && candidate.chapterId === chapterId,
    );
    return step === undefined ? null : Math.round(step.minutes * 60);
  }
  const minutes = chapters.find((chapter) => chapter.id === chapterId)?.minutes ?? null;
  return minutes === null ? null : Math.round(minutes * 60);
}

/** The columns of an export, in order; `class_board` only in the full export, never in the summary. */
export const EXPORT_COLUMNS = [
  'session_id',
  'course_id',
  'course_title',
  'kind',
  'started',
  'ended',
  'plan',
  'chapter_id',
  'chapter_title',
  'planned_discussion_seconds',
  'actual_discussion_seconds',
  'film_seconds',
  'class_board',
] as const;

/** Entries of one chapter's board in one cell: one entry a line, as a spreadsheet shows a wrapped cell. */
const BOARD_SEPARATOR = '\n';

const seconds = (value: number | null): string => (value === null ? '' : String(Math.round(value)));

/**
 * Sessions as rows (a header first): one row per session and chapter shown, and one row with empty chapter
 * cells for a session that showed none, so every session is in the file. The summary (for the course owner)
 * leaves out the class board: what the class said stays with the institution.
 */
export function sessionRows(sessions: readonly ExportedSession[], options: { summary: boolean }): string[][] {
  const columns = options.summary
    ? EXPORT_COLUMNS.filter((column) => column !== 'class_board')
    : [...EXPORT_COLUMNS];
  const rows: string[][] = [columns];
  for (const session of sessions) {
    const head = [
      String(session.id),
      session.courseId,
      session.courseTitle,
      session.kind,
      session.startedAt,
      session.endedAt ?? '',
      session.planName ?? '',
    ];
    const chapters: (ExportedChapter | null)[] = session.chapters.length === 0 ? [null] : session.chapters;
    for (const chapter of chapters) {
      const cells = [
        ...head,
        chapter?.chapterId ?? '',
        chapter?.title ?? '',
        chapter === null ? '' : seconds(chapter.plannedSeconds),
        chapter === null ? '' : seconds(chapter.discussionSeconds),
        chapter === null ? '' : seconds(chapter.filmSeconds),
      ];
      rows.push(options.summary ? cells : [...cells, (chapter?.board ?? []).join(BOARD_SEPARATOR)]);
    }
  }
  return rows;
}
