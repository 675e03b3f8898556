import type { Database, Statement } from 'better-sqlite3';
import { noteSchema, type Note, type NoteScope } from '../../common/ipc/api-types';

/** What a caller saves: a note's place and text (the store stamps updatedAt). */
export interface NoteInput {
  courseId: string;
  chapterId: string | null;
  scope: NoteScope;
  text: string;
}

interface NoteRow {
  course_id: string;
  chapter_id: string | null;
  scope: string;
  text: string;
  updated_at: string;
}

interface NoteParameters {
  courseId: string;
  chapterId: string | null;
  scope: NoteScope;
  text: string;
  now: string;
}

/** Lecturer and class notes per chapter or per course (table notes). */
export class NotesTable {
  private readonly listStatement: Statement<[string], NoteRow>;
  private readonly upsertChapterStatement: Statement<[NoteParameters]>;
  private readonly upsertCourseStatement: Statement<[NoteParameters]>;
  private readonly deleteStatement: Statement<[NoteParameters]>;

  constructor(
    db: Database,
    private readonly timestamp: () => string,
  ) {
    this.listStatement = db.prepare<[string], NoteRow>(
      `SELECT course_id, chapter_id, scope, text, updated_at FROM notes WHERE course_id = ?
       ORDER BY chapter_id NULLS FIRST, scope`,
    );
    // An upsert names the unique index it conflicts on, and a partial index must be named with its WHERE:
    // hence one statement for chapter notes and one for course notes (see migration 1).
    const upsert = (target: string): Statement<[NoteParameters]> =>
      db.prepare<[NoteParameters]>(
        `INSERT INTO notes (course_id, chapter_id, scope, text, updated_at)
         VALUES (@courseId, @chapterId, @scope, @text, @now)
         ON CONFLICT ${target} DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      );
    this.upsertChapterStatement = upsert('(course_id, chapter_id, scope) WHERE chapter_id IS NOT NULL');
    this.upsertCourseStatement = upsert('(course_id, scope) WHERE chapter_id IS NULL');
    // IS rather than = so that a NULL chapter_id matches the course note.
    this.deleteStatement = db.prepare<[NoteParameters]>(
      'DELETE FROM notes WHERE course_id = @courseId AND chapter_id IS @chapterId AND scope = @scope',
    );
  }

  /** A course's notes, the course-wide ones first; rows that fail validation are skipped. */
  list(courseId: string): Note[] {
    return this.listStatement.all(courseId).flatMap((row) => {
      const parsed = noteSchema.safeParse({
        courseId: row.course_id,
        chapterId: row.chapter_id,
        scope: row.scope,
        text: row.text,
        updatedAt: row.updated_at,
      });
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Creates or replaces the one note at (course, chapter, scope). Empty text deletes the note, so "no note"
   * and "an empty note" are the same thing; the returned Note then has text ''.
   * One statement in autocommit mode, so each save is its own committed transaction: once this returns, the
   * note survives Plenum crashing (WAL), which autosave relies on.
   */
  save(input: NoteInput): Note {
    const note = noteSchema.parse({ ...input, updatedAt: this.timestamp() });
    const parameters: NoteParameters = {
      courseId: note.courseId,
      chapterId: note.chapterId,
      scope: note.scope,
      text: note.text,
      now: note.updatedAt,
    };
    if (note.text === '') this.deleteStatement.run(parameters);
    else if (note.chapterId === null) this.upsertCourseStatement.run(parameters);
    else this.upsertChapterStatement.run(parameters);
    return note;
  }
}
