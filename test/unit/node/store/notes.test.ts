import Database from 'better-sqlite3';
import type { Store } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore } from './store-fixture';

const tempDir = useTempDir('plenum-store-');
let store: Store;

beforeEach(() => {
  store = freshStore(tempDir());
});
afterEach(() => {
  store.close();
});

function rowCount(): number {
  const db = new Database(store.path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM notes').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('notes', () => {
  it('saves and lists notes per chapter and per course, course-wide first', () => {
    const chapter = store.saveNote({
      courseId: 'c',
      chapterId: 'ch1',
      scope: 'private',
      text: 'Ask about the ending',
    });
    const course = store.saveNote({
      courseId: 'c',
      chapterId: null,
      scope: 'class',
      text: 'Homework: essay',
    });
    store.saveNote({ courseId: 'other', chapterId: 'ch1', scope: 'private', text: 'elsewhere' });
    expect(chapter).toEqual({
      courseId: 'c',
      chapterId: 'ch1',
      scope: 'private',
      text: 'Ask about the ending',
      updatedAt: '2025-03-01T08:00:00.000Z',
    });
    expect(store.listNotes('c')).toEqual([course, chapter]);
  });

  it('keeps one note per (course, chapter, scope), replacing the text', () => {
    store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: 'first' });
    const second = store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: 'second' });
    store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'class', text: 'for the class' });
    store.saveNote({ courseId: 'c', chapterId: 'ch2', scope: 'private', text: 'other chapter' });
    const notes = store.listNotes('c');
    expect(notes).toHaveLength(3);
    expect(notes.find((note) => note.chapterId === 'ch1' && note.scope === 'private')).toEqual(second);
    expect(rowCount()).toBe(3);
  });

  it('keeps one course-wide note per scope too (chapterId null, where UNIQUE alone would not)', () => {
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'first' });
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'second' });
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'class', text: 'class-wide' });
    expect(store.listNotes('c').map((note) => [note.chapterId, note.scope, note.text])).toEqual([
      [null, 'class', 'class-wide'],
      [null, 'private', 'second'],
    ]);
    expect(rowCount()).toBe(2);
    // The database itself refuses a duplicate, whoever writes it.
    const db = new Database(store.path);
    try {
      expect(() =>
        db
          .prepare(
            "INSERT INTO notes (course_id, chapter_id, scope, text, updated_at) VALUES ('c', NULL, 'class', 'x', 'x')",
          )
          .run(),
      ).toThrow(/UNIQUE constraint/);
    } finally {
      db.close();
    }
  });

  it('tells a chapter called "" from the course-wide note', () => {
    store.saveNote({ courseId: 'c', chapterId: '', scope: 'private', text: 'empty-named chapter' });
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'course' });
    expect(store.listNotes('c').map((note) => note.chapterId)).toEqual([null, '']);
  });

  it('deletes a note saved with empty text, and returns it with text ""', () => {
    store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: 'soon gone' });
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'also gone' });
    const cleared = store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: '' });
    store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: '' });
    expect(cleared.text).toBe('');
    expect(store.listNotes('c')).toEqual([]);
    expect(rowCount()).toBe(0);
    // Clearing a note that does not exist is fine too.
    expect(store.saveNote({ courseId: 'c', chapterId: 'nope', scope: 'class', text: '' }).text).toBe('');
  });

  it('binds parameters: SQL in a note is just text', () => {
    const text = `It's "quoted"'); DROP TABLE notes; --`;
    const chapterId = `x' OR '1'='1`;
    store.saveNote({ courseId: 'c', chapterId, scope: 'private', text });
    store.saveNote({
      courseId: `c'); DROP TABLE plans; --`,
      chapterId: null,
      scope: 'class',
      text: '😀 æøå\n\0',
    });
    expect(store.listNotes('c')).toEqual([expect.objectContaining({ chapterId, text })]);
    expect(store.listNotes(`c'); DROP TABLE plans; --`)[0]?.text).toBe('😀 æøå\n\0');
    expect(store.listPlans('c')).toEqual([]);
  });

  it('skips hand-edited rows that are not valid notes', () => {
    store.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: 'good' });
    const db = new Database(store.path);
    db.prepare(
      "INSERT INTO notes (course_id, chapter_id, scope, text, updated_at) VALUES ('c', 'ch2', 'private', ?, 'x')",
    ).run('x'.repeat(100_001));
    db.close();
    expect(store.listNotes('c').map((note) => note.text)).toEqual(['good']);
  });
});
