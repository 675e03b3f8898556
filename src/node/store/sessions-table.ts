import type { Database, Statement, Transaction } from 'better-sqlite3';
import { sessionRecordSchema, type SessionRecord } from '../../common/ipc/api-types';

/** The real time spent on one chapter in a session. */
export type SessionTiming = SessionRecord['timings'][number];

/** What starts a session: the course, the plan it follows (if any) and whether it is a rehearsal. */
export interface SessionStart {
  courseId: string;
  planId: number | null;
  kind: SessionRecord['kind'];
}

interface SessionRow {
  id: number;
  course_id: string;
  plan_id: number | null;
  kind: string;
  started_at: string;
  ended_at: string | null;
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

const timingSchema = sessionRecordSchema.shape.timings.element;
const SESSION_COLUMNS = 'id, course_id, plan_id, kind, started_at, ended_at';

/** Lectures and rehearsals that were held, with their per-chapter timings (tables sessions, session_timings). */
export class SessionsTable {
  private readonly planExistsStatement: Statement<[number, string], number>;
  private readonly insertStatement: Statement<[SessionStart & { now: string }], { id: number }>;
  private readonly sessionExistsStatement: Statement<[number], number>;
  private readonly recordStatement: Statement<[TimingParameters]>;
  private readonly endStatement: Statement<[{ id: number; now: string }]>;
  private readonly getStatement: Statement<[number], SessionRow>;
  private readonly timingsOfStatement: Statement<[number], TimingRow>;
  private readonly listStatement: Statement<[string], SessionRow>;
  private readonly listTimingsStatement: Statement<[string], TimingRow>;
  private readonly startTransaction: Transaction<(start: SessionStart) => number | null>;
  private readonly recordTransaction: Transaction<(timing: TimingParameters) => boolean>;

  constructor(
    db: Database,
    private readonly timestamp: () => string,
  ) {
    this.planExistsStatement = db
      .prepare<[number, string], number>('SELECT 1 FROM plans WHERE id = ? AND course_id = ?')
      .pluck();
    this.insertStatement = db.prepare<[SessionStart & { now: string }], { id: number }>(
      `INSERT INTO sessions (course_id, plan_id, kind, started_at) VALUES (@courseId, @planId, @kind, @now)
       RETURNING id`,
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
    this.listStatement = db.prepare<[string], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE course_id = ? ORDER BY started_at DESC, id DESC`,
    );
    this.listTimingsStatement = db.prepare<[string], TimingRow>(
      `SELECT t.session_id, t.chapter_id, t.film_seconds, t.discussion_seconds
       FROM session_timings t JOIN sessions s ON s.id = t.session_id
       WHERE s.course_id = ? ORDER BY t.session_id, t.ordinal`,
    );
    // Check and write in one transaction, so "unknown plan/session" cannot race with a delete.
    this.startTransaction = db.transaction((start: SessionStart): number | null => {
      if (start.planId !== null && this.planExistsStatement.get(start.planId, start.courseId) === undefined) {
        return null;
      }
      return this.insertStatement.get({ ...start, now: this.timestamp() })?.id ?? null;
    });
    this.recordTransaction = db.transaction((timing: TimingParameters): boolean => {
      if (this.sessionExistsStatement.get(timing.sessionId) === undefined) return false;
      this.recordStatement.run(timing);
      return true;
    });
  }

  /** Starts a session now; null when `planId` names no plan of that course (the caller reports not-found). */
  start(start: SessionStart): SessionRecord | null {
    const id = this.startTransaction.immediate({
      courseId: start.courseId,
      planId: start.planId,
      kind: start.kind,
    });
    return id === null ? null : this.get(id);
  }

  /** Records a chapter's times, replacing what was recorded for it before; false for an unknown session. */
  recordChapter(sessionId: number, timing: SessionTiming): boolean {
    const checked = timingSchema.parse(timing);
    return this.recordTransaction.immediate({ sessionId, ...checked });
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

  /** A course's sessions, newest first, each with its timings in order; invalid rows are skipped. */
  list(courseId: string): SessionRecord[] {
    const timingsBySession = new Map<number, TimingRow[]>();
    for (const timing of this.listTimingsStatement.all(courseId)) {
      const list = timingsBySession.get(timing.session_id) ?? [];
      list.push(timing);
      timingsBySession.set(timing.session_id, list);
    }
    return this.listStatement.all(courseId).flatMap((row) => {
      const session = toSession(row, timingsBySession.get(row.id) ?? []);
      return session === null ? [] : [session];
    });
  }
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
