import type { Database } from 'better-sqlite3';
import type { CourseRecord, Note, Plan, SessionRecord, Settings } from '../../common/ipc/api-types';
import { BoardTable } from './board-table';
import { CourseFilesTable, type CourseFileEntry } from './course-files-table';
import { NotesTable, type NoteInput } from './notes-table';
import { PlansTable } from './plans-table';
import {
  SessionsTable,
  type SavedSession,
  type SessionSnapshot,
  type SessionStart,
  type SessionTiming,
} from './sessions-table';
import type { SessionBoard, SessionKind } from '../../common/session/session-state';
import type { ExportedSession } from '../../common/records/session-export';
import { SettingsTable } from './settings-table';
import { guardStore } from './store-error';
import { WalKeeper, type WalKeeperOptions } from './wal-keeper';

/** Where a Store's connection came from and how it tells the time. */
export interface StoreContext {
  readonly path: string;
  readonly now: () => Date;
  /** When to checkpoint and whom to tell about it (defaults: see wal-keeper.ts). */
  readonly wal?: WalKeeperOptions;
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
  private readonly board: BoardTable;
  private readonly settings: SettingsTable;
  private readonly walKeeper: WalKeeper;

  constructor(
    private readonly db: Database,
    private readonly context: StoreContext,
  ) {
    const timestamp = (): string => context.now().toISOString();
    this.courseFiles = new CourseFilesTable(db, timestamp);
    this.plans = new PlansTable(db, timestamp);
    this.notes = new NotesTable(db, timestamp);
    this.sessions = new SessionsTable(db, timestamp);
    this.board = new BoardTable(db);
    this.settings = new SettingsTable(db);
    this.walKeeper = new WalKeeper(db, context.path, context.wal);
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

  /** One library entry by id; null when there is none. */
  getCourseFile(id: number): CourseRecord | null {
    return this.guard(() => this.courseFiles.get(id));
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

  /** Starts a lecture or rehearsal now with its first snapshot; null when planId names no plan of that course. */
  startSession(start: SessionStart): SessionRecord | null {
    return this.guard(() => this.sessions.start(start));
  }

  /** Saves a running session's snapshot and its chapters' times in one transaction; false if unknown. */
  saveSession(id: number, snapshot: SessionSnapshot, timings: readonly SessionTiming[]): boolean {
    return this.guard(() => this.sessions.save(id, snapshot, timings));
  }

  /** Replaces one chapter's class board entries in a session, committed before it returns; false if unknown. */
  saveBoard(sessionId: number, chapterId: string, entries: readonly string[]): boolean {
    return this.guard(() => this.board.replace(sessionId, chapterId, entries));
  }

  /** A session's class board, by chapter id. */
  boardOf(sessionId: number): SessionBoard {
    return this.guard(() => this.board.of(sessionId));
  }

  /** Deletes a session from the log; false when there was none. */
  removeSession(id: number): boolean {
    return this.guard(() => this.sessions.remove(id));
  }

  /** Sessions for export (one course, or every course when null), oldest first, with their chapters. */
  exportSessions(courseId: string | null): ExportedSession[] {
    return this.guard(() =>
      this.sessions.exportSessions(courseId).map((session) => {
        const board = this.board.of(session.id);
        return {
          ...session,
          chapters: session.chapters.map((chapter) => ({
            ...chapter,
            board: board[chapter.chapterId] ?? [],
          })),
        };
      }),
    );
  }

  /** The newest unfinished session of that kind for a course, with what was saved of it; null if none. */
  findUnfinishedSession(courseId: string, kind: SessionKind): SavedSession | null {
    return this.guard(() => this.sessions.findUnfinished(courseId, kind));
  }

  /** Ends a session now (once; later calls keep the first end); null for an unknown session. */
  endSession(id: number): SessionRecord | null {
    return this.guard(() => this.sessions.end(id));
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
    this.walKeeper.stop();
    if (this.db.open) this.db.close();
  }

  /** Every method goes through here: errors become StoreError, and the WAL keeper sees every write. */
  private guard<T>(action: () => T): T {
    return guardStore(this.context.path, () => {
      const result = action();
      this.walKeeper.afterCall();
      return result;
    });
  }
}
