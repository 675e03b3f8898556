import type { Database } from 'better-sqlite3';
import type { CourseRecord, Note, Plan, SessionRecord, Settings } from '../../common/ipc/api-types';
import { CourseFilesTable, type CourseFileEntry } from './course-files-table';
import { NotesTable, type NoteInput } from './notes-table';
import { PlansTable } from './plans-table';
import { SessionsTable, type SessionStart, type SessionTiming } from './sessions-table';
import { SettingsTable } from './settings-table';
import { guardStore } from './store-error';

/** Where a Store's connection came from and how it tells the time. */
export interface StoreContext {
  readonly path: string;
  readonly now: () => Date;
}

/**
 * The user's local data: library, plans, notes, sessions and settings, over one open better-sqlite3
 * connection (made by openStore). Every method is synchronous; failures a user can act on (locked, disk full,
 * read-only, corrupt) are thrown as StoreError, "no such row" is a null or false result, never an error.
 */
export class Store {
  private readonly courseFiles: CourseFilesTable;
  private readonly plans: PlansTable;
  private readonly notes: NotesTable;
  private readonly sessions: SessionsTable;
  private readonly settings: SettingsTable;

  constructor(
    private readonly db: Database,
    private readonly context: StoreContext,
  ) {
    const timestamp = (): string => context.now().toISOString();
    this.courseFiles = new CourseFilesTable(db, timestamp);
    this.plans = new PlansTable(db, timestamp);
    this.notes = new NotesTable(db, timestamp);
    this.sessions = new SessionsTable(db, timestamp);
    this.settings = new SettingsTable(db);
  }

  /** The database file this store reads and writes. */
  get path(): string {
    return this.context.path;
  }

  /** Every library entry, recently opened first. */
  listCourseFiles(): CourseRecord[] {
    return this.guard(() => this.courseFiles.list());
  }

  /** Adds a course file to the library, or updates the entry with the same path (which keeps its id). */
  upsertCourseFile(entry: CourseFileEntry): CourseRecord {
    return this.guard(() => this.courseFiles.upsert(entry));
  }

  /** Marks a library entry as opened now; false when there is no such entry. */
  touchCourseFile(id: number): boolean {
    return this.guard(() => this.courseFiles.touch(id));
  }

  /** Removes a library entry (never the file); false when there was no such entry. */
  removeCourseFile(id: number): boolean {
    return this.guard(() => this.courseFiles.remove(id));
  }

  /** A course's plans, in the order they were made. */
  listPlans(courseId: string): Plan[] {
    return this.guard(() => this.plans.list(courseId));
  }

  /** Inserts (id null) or updates a plan; null when the id names no plan of that course. */
  savePlan(plan: Plan): Plan | null {
    return this.guard(() => this.plans.save(plan));
  }

  /** Deletes a plan (its sessions stay, with planId null); false when there was no such plan. */
  removePlan(id: number): boolean {
    return this.guard(() => this.plans.remove(id));
  }

  /** A course's notes, course-wide ones first. */
  listNotes(courseId: string): Note[] {
    return this.guard(() => this.notes.list(courseId));
  }

  /** Creates or replaces a note, committed before it returns; empty text deletes the note. */
  saveNote(input: NoteInput): Note {
    return this.guard(() => this.notes.save(input));
  }

  /** Starts a lecture or rehearsal now; null when planId names no plan of that course. */
  startSession(start: SessionStart): SessionRecord | null {
    return this.guard(() => this.sessions.start(start));
  }

  /** Records a chapter's times in a session, replacing earlier ones for it; false for an unknown session. */
  recordChapter(sessionId: number, timing: SessionTiming): boolean {
    return this.guard(() => this.sessions.recordChapter(sessionId, timing));
  }

  /** Ends a session now (once; later calls keep the first end); null for an unknown session. */
  endSession(id: number): SessionRecord | null {
    return this.guard(() => this.sessions.end(id));
  }

  /** A course's sessions, newest first, with their timings in order. */
  listSessions(courseId: string): SessionRecord[] {
    return this.guard(() => this.sessions.list(courseId));
  }

  /** The settings, defaults merged with every valid stored value. */
  getSettings(): Settings {
    return this.guard(() => this.settings.get());
  }

  /** Stores the given settings (each key replaced whole) and returns all settings. */
  updateSettings(partial: Partial<Settings>): Settings {
    return this.guard(() => this.settings.update(partial));
  }

  /** Closes the connection (checkpointing the WAL); the store cannot be used afterwards. Idempotent. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  private guard<T>(action: () => T): T {
    return guardStore(this.context.path, action);
  }
}
