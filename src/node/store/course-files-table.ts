import type { Database, Statement } from 'better-sqlite3';
import { courseRecordSchema, type CourseRecord } from '../../common/ipc/api-types';

/** What the library needs to remember about a course file: where it is and what it is called. */
export interface CourseFileEntry {
  path: string;
  courseId: string;
  title: string;
  isDemo: boolean;
}

interface CourseFileRow {
  id: number;
  path: string;
  course_id: string;
  title: string;
  is_demo: number;
  last_opened_at: string | null;
}

interface UpsertParameters {
  path: string;
  courseId: string;
  title: string;
  isDemo: 0 | 1;
  now: string;
}

/** The library of course files the user has opened (table course_files). */
export class CourseFilesTable {
  private readonly listStatement: Statement<[], CourseFileRow>;
  private readonly upsertStatement: Statement<[UpsertParameters], CourseFileRow>;
  private readonly touchStatement: Statement<[{ id: number; now: string }]>;
  private readonly getStatement: Statement<[number], CourseFileRow>;

  constructor(
    db: Database,
    private readonly timestamp: () => string,
  ) {
    // Recently opened first, then files never opened, newest added first.
    this.listStatement = db.prepare<[], CourseFileRow>(
      `SELECT id, path, course_id, title, is_demo, last_opened_at FROM course_files
       ORDER BY last_opened_at DESC NULLS LAST, added_at DESC, id DESC`,
    );
    // ON CONFLICT keeps the row (and so its id and last_opened_at) when a file is added again.
    this.upsertStatement = db.prepare<[UpsertParameters], CourseFileRow>(
      `INSERT INTO course_files (path, course_id, title, is_demo, added_at)
       VALUES (@path, @courseId, @title, @isDemo, @now)
       ON CONFLICT (path) DO UPDATE SET course_id = excluded.course_id, title = excluded.title,
         is_demo = excluded.is_demo
       RETURNING id, path, course_id, title, is_demo, last_opened_at`,
    );
    this.touchStatement = db.prepare<[{ id: number; now: string }]>(
      'UPDATE course_files SET last_opened_at = @now WHERE id = @id',
    );
    this.getStatement = db.prepare<[number], CourseFileRow>(
      'SELECT id, path, course_id, title, is_demo, last_opened_at FROM course_files WHERE id = ?',
    );
  }

  /** Every library entry, recently opened first; rows that fail validation are skipped. */
  list(): CourseRecord[] {
    return this.listStatement.all().flatMap((row) => {
      const parsed = courseRecordSchema.safeParse(toRecord(row));
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Adds a file to the library, or updates the entry with the same path (keeping its id). */
  upsert(entry: CourseFileEntry): CourseRecord {
    const row = this.upsertStatement.get({
      path: entry.path,
      courseId: entry.courseId,
      title: entry.title,
      isDemo: entry.isDemo ? 1 : 0,
      now: this.timestamp(),
    });
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return courseRecordSchema.parse(toRecord(row));
  }

  /** Marks an entry as opened now; false when there is no such entry. */
  touch(id: number): boolean {
    return this.touchStatement.run({ id, now: this.timestamp() }).changes > 0;
  }

  /** One entry by id (a window names library entries, never paths); null when unknown or invalid. */
  get(id: number): CourseRecord | null {
    const row = this.getStatement.get(id);
    const parsed = row === undefined ? null : courseRecordSchema.safeParse(toRecord(row));
    return parsed?.success === true ? parsed.data : null;
  }
}

function toRecord(row: CourseFileRow): unknown {
  return {
    id: row.id,
    path: row.path,
    courseId: row.course_id,
    title: row.title,
    lastOpenedAt: row.last_opened_at,
    isDemo: row.is_demo === 1,
  };
}
