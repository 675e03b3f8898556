import type { Database, Statement, Transaction } from 'better-sqlite3';
import { z } from 'zod';
import { sessionRecordSchema, type SessionRecord } from '../../common/ipc/api-types';
import {
  lectureCoverSchema,
  lecturePhaseSchema,
  promptModeSchema,
  shownLinkSchema,
  type LectureState,
} from '../../common/lecture/lecture-state';
import { lecturePlanSchema } from '../../common/plan/plan-step';
import type { SessionKind, SessionView } from '../../common/session/session-state';
import {
  plannedSeconds,
  type ExportedSession,
  type RecordedChapter,
} from '../../common/records/session-export';
import { parseJson } from './parse-json';

/** The real time spent on one chapter in a session. */
export type SessionTiming = SessionRecord['timings'][number];

/** What is saved of a session as it runs: its lecture state, playhead, clock and how it is run. */
export interface SessionSnapshot {
  view: SessionView;
  lecture: LectureState;
  position: number;
  clockMs: number;
  clockRunning: boolean;
  /** When this snapshot was taken, on the runner's clock (ms). */
  savedAt: number;
}

/** What starts a session: the course, the plan it follows (if any), its kind and its first snapshot. */
export interface SessionStart {
  courseId: string;
  planId: number | null;
  kind: SessionKind;
  snapshot: SessionSnapshot;
  /** The course's title and chapters as they are now, so the record can name them without the course file. */
  courseTitle: string;
  chapters: readonly RecordedChapter[];
}

/** An unfinished session as saved: its record (with timings) and its snapshot. */
export interface SavedSession {
  record: SessionRecord;
  snapshot: SessionSnapshot;
}

interface SessionRow {
  id: number;
  course_id: string;
  plan_id: number | null;
  kind: string;
  started_at: string;
  ended_at: string | null;
}

interface StateRow extends SessionRow {
  view: string;
  state: string | null;
  position: number;
  clock_ms: number;
  clock_running: number;
  saved_at: number | null;
}

interface ExportRow extends SessionRow {
  state: string | null;
  course_title: string | null;
  chapters: string | null;
}

interface TimingRow {
  session_id: number;
  chapter_id: string;
  film_seconds: number;
  discussion_seconds: number;
}

interface TimingParameters {
  sessionId: number;
  chapterId: string;
  filmSeconds: number;
  discussionSeconds: number;
}

interface SnapshotParameters {
  id: number;
  view: SessionView;
  state: string;
  position: number;
  clockMs: number;
  clockRunning: number;
  savedAt: number;
  now: string;
}

const timingSchema = sessionRecordSchema.shape.timings.element;
/** What is read back of a saved lecture state: a row edited by hand or by a newer build is not continued. */
const savedLectureSchema = z.object({
  phase: lecturePhaseSchema,
  // Saved as a flag before the room had white and holding screens: true was the black screen.
  blank: z
    .union([lectureCoverSchema, z.boolean()])
    .transform((blank) =>
      typeof blank === 'boolean' ? (blank ? { screen: 'black' as const, resume: false } : null) : blank,
    )
    .nullable(),
  // Saved before the board existed: not shown; before links, the notice choice and replays: none.
  board: z.boolean().default(false),
  link: shownLinkSchema.nullable().default(null),
  notice: z.boolean().default(false),
  // A replay does not outlive the window that played it: a continued session starts without one.
  replay: z
    .unknown()
    .optional()
    .transform(() => null),
  plan: lecturePlanSchema.nullable(),
  promptMode: promptModeSchema,
  revision: z.number().int().min(0),
});
const recordedChaptersSchema = z.array(
  z.object({ id: z.string(), title: z.string(), minutes: z.number().min(0).nullable() }),
);
const SESSION_COLUMNS = 'id, course_id, plan_id, kind, started_at, ended_at';
const STATE_COLUMNS = `${SESSION_COLUMNS}, view, state, position, clock_ms, clock_running, saved_at`;

/** Lectures and rehearsals, with their saved state and per-chapter timings (tables sessions, session_timings). */
export class SessionsTable {
  private readonly planExistsStatement: Statement<[number, string], number>;
  private readonly insertStatement: Statement<
    [Omit<SnapshotParameters, 'id'> & Omit<SessionStart, 'snapshot' | 'chapters'> & { chapters: string }],
    { id: number }
  >;
  private readonly sessionExistsStatement: Statement<[number], number>;
  private readonly recordStatement: Statement<[TimingParameters]>;
  private readonly snapshotStatement: Statement<[SnapshotParameters]>;
  private readonly endStatement: Statement<[{ id: number; now: string }]>;
  private readonly getStatement: Statement<[number], SessionRow>;
  private readonly timingsOfStatement: Statement<[number], TimingRow>;
  private readonly unfinishedStatement: Statement<[string, string], StateRow>;
  private readonly exportStatement: Statement<[{ courseId: string | null }], ExportRow>;
  private readonly removeStatement: Statement<[number]>;
  private readonly startTransaction: Transaction<(start: SessionStart) => number | null>;
  private readonly saveTransaction: Transaction<
    (id: number, snapshot: SessionSnapshot, timings: readonly SessionTiming[]) => boolean
  >;

  constructor(
    db: Database,
    private readonly timestamp: () => string,
  ) {
    this.planExistsStatement = db
      .prepare<[number, string], number>('SELECT 1 FROM plans WHERE id = ? AND course_id = ?')
      .pluck();
    this.insertStatement = db.prepare(
      `INSERT INTO sessions (course_id, plan_id, kind, started_at, view, state, position, clock_ms,
         clock_running, updated_at, course_title, chapters, saved_at)
       VALUES (@courseId, @planId, @kind, @now, @view, @state, @position, @clockMs, @clockRunning, @now,
         @courseTitle, @chapters, @savedAt)
       RETURNING id`,
    );
    // Its chapter times go with it (ON DELETE CASCADE).
    this.removeStatement = db.prepare<[number]>('DELETE FROM sessions WHERE id = ?');
    this.exportStatement = db.prepare<[{ courseId: string | null }], ExportRow>(
      `SELECT ${SESSION_COLUMNS}, state, course_title, chapters FROM sessions
       WHERE @courseId IS NULL OR course_id = @courseId ORDER BY started_at, id`,
    );
    this.sessionExistsStatement = db.prepare<[number], number>('SELECT 1 FROM sessions WHERE id = ?').pluck();
    // A chapter visited again keeps the place of its first visit; its times are replaced by the new totals.
    this.recordStatement = db.prepare<[TimingParameters]>(
      `INSERT INTO session_timings (session_id, chapter_id, film_seconds, discussion_seconds, ordinal)
       VALUES (@sessionId, @chapterId, @filmSeconds, @discussionSeconds,
         (SELECT coalesce(max(ordinal), -1) + 1 FROM session_timings WHERE session_id = @sessionId))
       ON CONFLICT (session_id, chapter_id) DO UPDATE SET
         film_seconds = excluded.film_seconds, discussion_seconds = excluded.discussion_seconds`,
    );
    this.snapshotStatement = db.prepare<[SnapshotParameters]>(
      `UPDATE sessions SET view = @view, state = @state, position = @position, clock_ms = @clockMs,
         clock_running = @clockRunning, updated_at = @now, saved_at = @savedAt
       WHERE id = @id AND ended_at IS NULL`,
    );
    this.endStatement = db.prepare<[{ id: number; now: string }]>(
      'UPDATE sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL',
    );
    this.getStatement = db.prepare<[number], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`,
    );
    this.timingsOfStatement = db.prepare<[number], TimingRow>(
      `SELECT session_id, chapter_id, film_seconds, discussion_seconds FROM session_timings
       WHERE session_id = ? ORDER BY ordinal`,
    );
    this.unfinishedStatement = db.prepare<[string, string], StateRow>(
      `SELECT ${STATE_COLUMNS} FROM sessions
       WHERE course_id = ? AND kind = ? AND ended_at IS NULL AND state IS NOT NULL
       ORDER BY started_at DESC, id DESC`,
    );
    // Check and write in one transaction, so "unknown plan" cannot race with a delete.
    this.startTransaction = db.transaction((start: SessionStart): number | null => {
      if (start.planId !== null && this.planExistsStatement.get(start.planId, start.courseId) === undefined) {
        return null;
      }
      const { snapshot, chapters, ...rest } = start;
      const parameters = { ...rest, chapters: JSON.stringify(chapters), ...snapshotParameters(snapshot) };
      return this.insertStatement.get({ ...parameters, now: this.timestamp() })?.id ?? null;
    });
    // One small transaction per save: the state and every chapter's times together, or nothing.
    this.saveTransaction = db.transaction(
      (id: number, snapshot: SessionSnapshot, timings: readonly SessionTiming[]): boolean => {
        if (this.sessionExistsStatement.get(id) === undefined) return false;
        this.snapshotStatement.run({ id, ...snapshotParameters(snapshot), now: this.timestamp() });
        for (const timing of timings)
          this.recordStatement.run({ sessionId: id, ...timingSchema.parse(timing) });
        return true;
      },
    );
  }

  /** Starts a session now; null when `planId` names no plan of that course (the caller reports not-found). */
  start(start: SessionStart): SessionRecord | null {
    const id = this.startTransaction.immediate(start);
    return id === null ? null : this.get(id);
  }

  /** Saves a running session's snapshot and chapter times at once; false for an unknown session. */
  save(id: number, snapshot: SessionSnapshot, timings: readonly SessionTiming[]): boolean {
    return this.saveTransaction.immediate(id, snapshot, timings);
  }

  /** The newest unfinished session of that kind for the course, if one can be continued. */
  findUnfinished(courseId: string, kind: SessionKind): SavedSession | null {
    for (const row of this.unfinishedStatement.all(courseId, kind)) {
      const record = toSession(row, this.timingsOfStatement.all(row.id));
      const lecture = row.state === null ? null : savedLectureSchema.safeParse(parseJson(row.state));
      const view = row.view === 'film' || row.view === 'presenter' ? row.view : null;
      if (record === null || lecture === null || !lecture.success || view === null) continue;
      return {
        record,
        snapshot: {
          view,
          lecture: lecture.data,
          position: row.position,
          clockMs: row.clock_ms,
          clockRunning: row.clock_running === 1,
          // A row saved before saved_at existed: its start is the safest guess (the timers then count on).
          savedAt: row.saved_at ?? Date.parse(row.started_at),
        },
      };
    }
    return null;
  }

  /**
   * Sessions for export, oldest first (every course when `courseId` is null): each with its course's title,
   * plan and the chapters it showed, planned against actual. A row edited into nonsense is skipped.
   */
  exportSessions(courseId: string | null): ExportedSession[] {
    return this.exportStatement.all({ courseId }).flatMap((row): ExportedSession[] => {
      const record = toSession(row, this.timingsOfStatement.all(row.id));
      if (record === null) return [];
      const lecture = row.state === null ? null : savedLectureSchema.safeParse(parseJson(row.state));
      const plan = lecture?.success === true ? lecture.data.plan : null;
      const parsedChapters = recordedChaptersSchema.safeParse(
        row.chapters === null ? [] : parseJson(row.chapters),
      );
      const chapters = parsedChapters.success ? parsedChapters.data : [];
      return [
        {
          id: record.id,
          courseId: record.courseId,
          courseTitle: row.course_title ?? record.courseId,
          kind: record.kind,
          startedAt: record.startedAt,
          endedAt: record.endedAt,
          planName: plan?.name ?? null,
          chapters: record.timings.map((timing) => ({
            chapterId: timing.chapterId,
            title: chapters.find((chapter) => chapter.id === timing.chapterId)?.title ?? timing.chapterId,
            plannedSeconds: plannedSeconds(timing.chapterId, plan, chapters),
            discussionSeconds: timing.discussionSeconds,
            filmSeconds: timing.filmSeconds,
            // The class board is the store's to add (board_entries).
            board: [],
          })),
        },
      ];
    });
  }

  /** Deletes a session and its times from the log; false when there was no such session. */
  remove(id: number): boolean {
    return this.removeStatement.run(id).changes > 0;
  }

  /** Ends a session now (an ended session keeps its first end time); null for an unknown session. */
  end(id: number): SessionRecord | null {
    this.endStatement.run({ id, now: this.timestamp() });
    return this.get(id);
  }

  /** One session with its timings in the order the chapters were first reached; null if unknown or invalid. */
  get(id: number): SessionRecord | null {
    const row = this.getStatement.get(id);
    return row === undefined ? null : toSession(row, this.timingsOfStatement.all(id));
  }
}

function snapshotParameters(snapshot: SessionSnapshot): Omit<SnapshotParameters, 'id' | 'now'> {
  return {
    view: snapshot.view,
    state: JSON.stringify(snapshot.lecture),
    position: Math.max(0, snapshot.position),
    clockMs: Math.max(0, snapshot.clockMs),
    clockRunning: snapshot.clockRunning ? 1 : 0,
    savedAt: snapshot.savedAt,
  };
}

/** A bad timing row costs only that timing; a bad session row costs the session. */
function toSession(row: SessionRow, timingRows: readonly TimingRow[]): SessionRecord | null {
  const timings = timingRows.flatMap((timing) => {
    const parsed = timingSchema.safeParse({
      chapterId: timing.chapter_id,
      filmSeconds: timing.film_seconds,
      discussionSeconds: timing.discussion_seconds,
    });
    return parsed.success ? [parsed.data] : [];
  });
  const parsed = sessionRecordSchema.safeParse({
    id: row.id,
    courseId: row.course_id,
    planId: row.plan_id,
    kind: row.kind,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    timings,
  });
  return parsed.success ? parsed.data : null;
}
