import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../../../../src/node/store/migrations';
import { openDatabase } from '../../../../src/node/store/open-database';
import { backupPathFor, runMigrations } from '../../../../src/node/store/run-migrations';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore, steppingClock, storeProblemOf } from './store-fixture';

const tempDir = useTempDir('plenum-migrations-');
const AT = new Date('2025-03-01T08:00:00.000Z');

function schemaOf(db: Database.Database): { type: string; name: string }[] {
  return db
    .prepare<[], { type: string; name: string }>(
      "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all();
}

/** The version after the newest this build knows (a made-up next step). */
const NEXT = MIGRATIONS.length + 1;
const VERSION_2: Migration = {
  version: NEXT,
  name: 'test: pin notes',
  up: 'ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0',
};

describe('migrations', () => {
  it('numbers the shipped migrations 1, 2, 3, ... with names and SQL', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      expect(migration.name).not.toBe('');
      expect(migration.up.trim()).not.toBe('');
    });
  });

  it.each(MIGRATIONS.map((migration) => [migration.version, migration.name] as const))(
    'migration %i (%s) applies to a fresh database and sets user_version',
    (version) => {
      const path = join(tempDir(), 'plenum.sqlite');
      const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, version), now: () => AT });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(version);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(schemaOf(db).length).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    },
  );

  it('migration 1 creates exactly the expected tables and indexes', () => {
    const db = openDatabase(join(tempDir(), 'plenum.sqlite'), {
      migrations: MIGRATIONS.slice(0, 1),
      now: () => AT,
    });
    try {
      expect(schemaOf(db)).toEqual([
        { type: 'index', name: 'notes_unique_chapter' },
        { type: 'index', name: 'notes_unique_course' },
        { type: 'index', name: 'plans_by_course' },
        { type: 'index', name: 'session_timings_in_order' },
        { type: 'index', name: 'sessions_by_course' },
        { type: 'index', name: 'sessions_by_plan' },
        { type: 'table', name: 'course_files' },
        { type: 'table', name: 'notes' },
        { type: 'table', name: 'plans' },
        { type: 'table', name: 'session_timings' },
        { type: 'table', name: 'sessions' },
        { type: 'table', name: 'settings' },
      ]);
      const columns = (table: string): string[] =>
        db
          .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
          .all(table)
          .map((column) => column.name);
      expect(columns('course_files')).toEqual([
        'id',
        'path',
        'course_id',
        'title',
        'is_demo',
        'added_at',
        'last_opened_at',
      ]);
      expect(columns('sessions')).toEqual(['id', 'course_id', 'plan_id', 'kind', 'started_at', 'ended_at']);
      const foreignKeys = (table: string): unknown[] =>
        db.prepare('SELECT "table", on_delete FROM pragma_foreign_key_list(?)').all(table);
      expect(foreignKeys('sessions')).toEqual([{ table: 'plans', on_delete: 'SET NULL' }]);
      expect(foreignKeys('session_timings')).toEqual([{ table: 'sessions', on_delete: 'CASCADE' }]);
      // Enums are CHECKed in the schema itself, so a bad value cannot even be written.
      expect(() =>
        db
          .prepare(
            "INSERT INTO notes (course_id, scope, text, updated_at) VALUES ('c', 'public', 't', 'now')",
          )
          .run(),
      ).toThrow(/CHECK constraint/);
      expect(() =>
        db.prepare("INSERT INTO sessions (course_id, kind, started_at) VALUES ('c', 'party', 'now')").run(),
      ).toThrow(/CHECK constraint/);
      expect(() =>
        db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'not json')").run(),
      ).toThrow(/CHECK constraint/);
    } finally {
      db.close();
    }
  });

  it('backs up an existing database before migrating it, with VACUUM INTO beside it', () => {
    const seeded = freshStore(tempDir());
    const path = seeded.path;
    seeded.saveNote({ courseId: 'c', chapterId: 'ch1', scope: 'private', text: 'before v2' });
    seeded.close();

    const db = openDatabase(path, { migrations: [...MIGRATIONS, VERSION_2], now: () => AT });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(NEXT);
      expect(db.prepare('SELECT text, pinned FROM notes').all()).toEqual([{ text: 'before v2', pinned: 0 }]);
    } finally {
      db.close();
    }

    const backups = readdirSync(tempDir()).filter((name) => name.includes('.backup-'));
    expect(backups).toEqual([`plenum.backup-v${NEXT - 1}-2025-03-01T08-00-00-000Z.sqlite`]);
    const backup = new Database(join(tempDir(), backups[0] ?? ''), { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(NEXT - 1);
      expect(backup.prepare('SELECT text FROM notes').pluck().all()).toEqual(['before v2']);
      const noteColumns = backup.prepare("SELECT name FROM pragma_table_info('notes')").pluck().all();
      expect(noteColumns).not.toContain('pinned');
    } finally {
      backup.close();
    }
  });

  it('does not back up a brand-new database', () => {
    freshStore(tempDir()).close();
    expect(readdirSync(tempDir()).filter((name) => name.includes('.backup-'))).toEqual([]);
  });

  it('rolls a failing migration back completely, keeping the previous version and the backup', () => {
    const seeded = freshStore(tempDir());
    const path = seeded.path;
    seeded.close();
    const broken: Migration = {
      version: NEXT,
      name: 'test: broken',
      up: 'CREATE TABLE half_done (a TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken], now: () => AT })).toThrow(
      /no such table/,
    );
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(NEXT - 1);
      expect(schemaOf(db).map((entry) => entry.name)).not.toContain('half_done');
    } finally {
      db.close();
    }
    expect(readdirSync(tempDir()).filter((name) => name.includes(`.backup-v${NEXT - 1}-`))).toHaveLength(1);
  });

  it('refuses, through the runner too, a database newer than its list', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const db = openDatabase(path, { migrations: [...MIGRATIONS, VERSION_2], now: () => AT });
    try {
      expect(
        storeProblemOf(() => runMigrations(db, { path, migrations: MIGRATIONS, now: () => AT })),
      ).toEqual({
        kind: 'newer-version',
        version: NEXT,
        supported: NEXT - 1,
      });
    } finally {
      db.close();
    }
  });

  it('rejects a migration list with a gap or out of order', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    const gap: Migration[] = [...MIGRATIONS, { ...VERSION_2, version: NEXT + 1 }];
    expect(() => openDatabase(path, { migrations: gap, now: steppingClock() })).toThrow(
      new RegExp(`expected ${NEXT}`),
    );
  });

  it('names backups <name>.backup-v<old>-<timestamp>.sqlite in the same folder', () => {
    expect(backupPathFor(join('/p', 'plenum.sqlite'), 3, AT)).toBe(
      join('/p', 'plenum.backup-v3-2025-03-01T08-00-00-000Z.sqlite'),
    );
    expect(backupPathFor(join('/p', 'store.db'), 1, AT)).toBe(
      join('/p', 'store.backup-v1-2025-03-01T08-00-00-000Z.sqlite'),
    );
  });
});
