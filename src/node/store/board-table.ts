import type { Database, Statement, Transaction } from 'better-sqlite3';
import { BOARD_ENTRY_MAX, type SessionBoard } from '../../common/session/session-state';

interface EntryRow {
  chapter_id: string;
  text: string;
}

/** The class board of each session: what the class said, per chapter, in order (table board_entries). */
export class BoardTable {
  private readonly deleteStatement: Statement<[number, string]>;
  private readonly insertStatement: Statement<[number, string, number, string]>;
  private readonly ofStatement: Statement<[number], EntryRow>;
  private readonly sessionExistsStatement: Statement<[number], number>;
  private readonly replaceTransaction: Transaction<
    (id: number, chapterId: string, entries: readonly string[]) => boolean
  >;

  constructor(db: Database) {
    this.deleteStatement = db.prepare<[number, string]>(
      'DELETE FROM board_entries WHERE session_id = ? AND chapter_id = ?',
    );
    this.insertStatement = db.prepare<[number, string, number, string]>(
      'INSERT INTO board_entries (session_id, chapter_id, ordinal, text) VALUES (?, ?, ?, ?)',
    );
    this.ofStatement = db.prepare<[number], EntryRow>(
      'SELECT chapter_id, text FROM board_entries WHERE session_id = ? ORDER BY chapter_id, ordinal',
    );
    this.sessionExistsStatement = db.prepare<[number], number>('SELECT 1 FROM sessions WHERE id = ?').pluck();
    // One chapter's entries replaced whole in one transaction: a crash keeps the old list or the new one.
    this.replaceTransaction = db.transaction((id: number, chapterId: string, entries: readonly string[]) => {
      if (this.sessionExistsStatement.get(id) === undefined) return false;
      this.deleteStatement.run(id, chapterId);
      entries.forEach((text, ordinal) => this.insertStatement.run(id, chapterId, ordinal, text));
      return true;
    });
  }

  /** Replaces one chapter's entries (empty ones dropped, each cut to the limit); false for an unknown session. */
  replace(sessionId: number, chapterId: string, entries: readonly string[]): boolean {
    const kept = entries
      .map((entry) => entry.trim().slice(0, BOARD_ENTRY_MAX))
      .filter((entry) => entry !== '');
    return this.replaceTransaction.immediate(sessionId, chapterId, kept);
  }

  /** A session's board, by chapter id. */
  of(sessionId: number): SessionBoard {
    const board: SessionBoard = {};
    for (const row of this.ofStatement.all(sessionId)) (board[row.chapter_id] ??= []).push(row.text);
    return board;
  }
}
