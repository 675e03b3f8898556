import Database from 'better-sqlite3';
import { isStoreError, type StoreError } from '../../../../src/node/store';
import { guardStore, storeProblemOf } from '../../../../src/node/store/store-error';

const PATH = '/profile/plenum.sqlite';

describe('store errors', () => {
  it.each([
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'locked'],
    ['SQLITE_LOCKED', 'locked'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CANTOPEN', 'read-only'],
    ['SQLITE_CORRUPT', 'corrupt'],
    ['SQLITE_NOTADB', 'corrupt'],
  ])('maps %s to %s', (code, kind) => {
    expect(storeProblemOf(new Database.SqliteError('x', code), PATH)).toEqual({ kind, path: PATH });
  });

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
  ])('maps the file-system error %s to %s', (code, kind) => {
    const error = Object.assign(new Error('x'), { code });
    expect(storeProblemOf(error, PATH)).toEqual({ kind, path: PATH });
  });

  it('leaves other errors alone', () => {
    expect(storeProblemOf(new Database.SqliteError('x', 'SQLITE_CONSTRAINT_CHECK'), PATH)).toBeNull();
    expect(storeProblemOf(new Error('plain'), PATH)).toBeNull();
    expect(storeProblemOf('not an error', PATH)).toBeNull();
    const bug = new TypeError('bug');
    expect(() =>
      guardStore(PATH, () => {
        throw bug;
      }),
    ).toThrow(bug);
  });

  it('wraps a mapped error with its cause', () => {
    const cause = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    try {
      guardStore(PATH, () => {
        throw cause;
      });
      throw new Error('did not throw');
    } catch (error) {
      expect(isStoreError(error, 'disk-full')).toBe(true);
      expect((error as StoreError).cause).toBe(cause);
      expect((error as StoreError).message).toContain('disk-full');
    }
  });
});
