import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../../../src/node/store';
import { MIGRATIONS } from '../../../../src/node/store/migrations';
import { BUSY_TIMEOUT_MS, openDatabase } from '../../../../src/node/store/open-database';
import { Store } from '../../../../src/node/store/store';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore, steppingClock, storeProblemOf } from './store-fixture';

const tempDir = useTempDir('plenum-store-');

/** A store at the current version holding enough notes to span many pages; closed, so no -wal is left. */
function writeRealDatabase(path: string): void {
  const store = openStore(path);
  for (let i = 0; i < 400; i++) {
    store.saveNote({ courseId: 'c', chapterId: `ch-${i}`, scope: 'private', text: `note ${i} `.repeat(20) });
  }
  store.close();
}

/** Expects openStore to refuse `path` with `kind`, leaving the file's bytes and the folder as they were. */
function expectRefusedUntouched(path: string, kind: 'corrupt' | 'newer-version'): void {
  const bytes = readFileSync(path);
  const listing = readdirSync(tempDir()).sort();
  expect(storeProblemOf(() => openStore(path)).kind).toBe(kind);
  expect(readFileSync(path).equals(bytes)).toBe(true);
  expect(readdirSync(tempDir()).sort()).toEqual(listing);
}

describe('openStore', () => {
  it('creates the file and its folder, and sets WAL, foreign keys, busy timeout and synchronous', () => {
    const path = join(tempDir(), 'profile', 'nested', 'plenum.sqlite');
    const db = openDatabase(path, { migrations: MIGRATIONS, now: steppingClock() });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(BUSY_TIMEOUT_MS).toBe(5000);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it('reopens an existing store without a backup and keeps its data', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const first = openStore(path);
    first.saveNote({ courseId: 'c', chapterId: null, scope: 'class', text: 'kept' });
    first.close();
    const second = openStore(path);
    expect(second.listNotes('c').map((note) => note.text)).toEqual(['kept']);
    second.close();
    expect(readdirSync(tempDir()).filter((name) => name.includes('backup'))).toEqual([]);
  });

  it('treats an empty file as a new store', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    writeFileSync(path, '');
    const store = openStore(path);
    expect(store.listCourseFiles()).toEqual([]);
    store.close();
  });

  it('refuses a database from a newer build and leaves it untouched', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    writeRealDatabase(path);
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(storeProblemOf(() => openStore(path))).toEqual({
      kind: 'newer-version',
      version: MIGRATIONS.length + 1,
      supported: MIGRATIONS.length,
    });
    expectRefusedUntouched(path, 'newer-version');
  });

  it('refuses a file of random bytes as corrupt and leaves it untouched', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    writeFileSync(path, randomBytes(16_384));
    expect(storeProblemOf(() => openStore(path))).toEqual({ kind: 'corrupt', path });
    expectRefusedUntouched(path, 'corrupt');
  });

  it.each([
    ['half its length', (size: number) => Math.floor(size / 2)],
    ['5000 bytes', () => 5000],
    ['50 bytes (a torn header)', () => 50],
  ])('refuses a database truncated to %s as corrupt and leaves it untouched', (_label, length) => {
    const path = join(tempDir(), 'plenum.sqlite');
    writeRealDatabase(path);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, length(whole.length)));
    expectRefusedUntouched(path, 'corrupt');
  });

  it('refuses a database that holds some other program’s tables (version 0) as corrupt', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    expectRefusedUntouched(path, 'corrupt');
  });

  it('refuses a database at our version whose tables were dropped by hand as corrupt', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    writeRealDatabase(path);
    const db = new Database(path);
    db.exec('DROP TABLE notes');
    db.close();
    expect(storeProblemOf(() => openStore(path)).kind).toBe('corrupt');
  });

  it('reports a write lock that outlasts the busy timeout as locked', () => {
    const store = freshStore(tempDir());
    const other = new Database(store.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const problem = storeProblemOf(() =>
        store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'waits' }),
      );
      expect(problem).toEqual({ kind: 'locked', path: store.path });
      expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 100);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      store.close();
    }
  });

  it('reports SQLITE_FULL as disk-full and SQLITE_READONLY as read-only', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const db = openDatabase(path, { migrations: MIGRATIONS, now: steppingClock() });
    const store = new Store(db, { path, now: steppingClock() });
    try {
      // A page limit is a full disk as far as SQLite is concerned.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const big = { courseId: 'c', chapterId: null, scope: 'private' as const, text: 'x'.repeat(60_000) };
      expect(storeProblemOf(() => store.saveNote(big))).toEqual({ kind: 'disk-full', path });
      db.pragma('max_page_count = 1000000');
      db.pragma('query_only = ON');
      expect(storeProblemOf(() => store.updateSettings({ language: 'en' }))).toEqual({
        kind: 'read-only',
        path,
      });
      db.pragma('query_only = OFF');
      expect(store.updateSettings({ language: 'en' }).language).toBe('en');
    } finally {
      store.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it('passes programming errors through unchanged, and close() is idempotent', () => {
    const store = freshStore(tempDir());
    store.close();
    store.close();
    expect(() => store.listCourseFiles()).toThrow(/not open/);
  });
});
