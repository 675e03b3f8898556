import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../../src/node/store';
import { restrictToOwner } from '../../../../src/node/store/private-files';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore, storeProblemOf } from './store-fixture';

const tempDir = useTempDir('plenum-private-');

/** The permission bits of `path`. */
function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Saves a note so that the -wal and -shm exist beside the database. */
function writeSomething(path: string): void {
  const store = openStore(path);
  store.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'mine alone' });
  for (const suffix of ['', '-wal', '-shm'])
    expect(readdirSync(join(path, '..'))).toContain(`plenum.sqlite${suffix}`);
  expect(modeOf(path)).toBe(0o600);
  expect(modeOf(`${path}-wal`)).toBe(0o600);
  expect(modeOf(`${path}-shm`)).toBe(0o600);
  store.close();
}

const describePosix = process.platform === 'win32' ? describe.skip : describe;

describePosix('the store is private to its user', () => {
  let umask = 0;
  beforeAll(() => {
    // The usual desktop umask, under which SQLite and mkdir alone give 644 and 755.
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
  });

  it('creates the folder 0700 and the database, -wal and -shm 0600', () => {
    const dir = join(tempDir(), 'profile', 'plenum');
    writeSomething(join(dir, 'plenum.sqlite'));
    expect(modeOf(dir)).toBe(0o700);
  });

  it('tightens a folder, database, sidecars and backups an older build left world-readable', () => {
    const dir = join(tempDir(), 'plenum');
    const path = join(dir, 'plenum.sqlite');
    const first = openStore(path);
    first.saveNote({ courseId: 'c', chapterId: null, scope: 'private', text: 'kept' });
    // Leave -wal and -shm behind, as a crash would, and a backup as a migration would.
    const backup = join(dir, 'plenum.backup-v1-2025-03-01T08-00-00-000Z.sqlite');
    writeFileSync(backup, 'backup');
    const other = join(dir, 'someone-elses.txt');
    writeFileSync(other, 'not ours');
    for (const file of [path, `${path}-wal`, `${path}-shm`, backup, other]) chmodSync(file, 0o644);
    chmodSync(dir, 0o755);

    const second = openStore(path);
    try {
      expect(second.listNotes('c').map((note) => note.text)).toEqual(['kept']);
      expect(modeOf(dir)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`, backup]) expect(modeOf(file)).toBe(0o600);
      // Only the store's own files are changed; the folder's 0700 already hides the rest.
      expect(modeOf(other)).toBe(0o644);
    } finally {
      second.close();
      first.close();
    }
  });

  it('takes only group and other bits away, keeping what the owner set', () => {
    const file = join(tempDir(), 'read-only-for-me');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    restrictToOwner(file, 0o600);
    expect(modeOf(file)).toBe(0o400);
    restrictToOwner(join(tempDir(), 'missing'), 0o600);
  });
});

describe('a store path that cannot hold the database', () => {
  it('refuses a folder where the database goes as not-a-file, leaving it as it was', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    expect(storeProblemOf(() => openStore(path))).toEqual({ kind: 'not-a-file', path });
    expect(readdirSync(tempDir())).toEqual(['plenum.sqlite']);
    expect(readdirSync(path)).toEqual(['inside']);
  });

  it('refuses a file where the data folder goes as not-a-file', () => {
    const dir = join(tempDir(), 'data');
    writeFileSync(dir, 'a file');
    expect(storeProblemOf(() => openStore(join(dir, 'plenum.sqlite')))).toEqual({
      kind: 'not-a-file',
      path: dir,
    });
    const deeper = join(dir, 'nested', 'plenum.sqlite');
    expect(storeProblemOf(() => openStore(deeper)).kind).toBe('not-a-file');
  });

  it('refuses a FIFO at the database path without blocking on it', () => {
    const path = join(tempDir(), 'plenum.sqlite');
    execFileSync('mkfifo', [path]);
    expect(storeProblemOf(() => openStore(path))).toEqual({ kind: 'not-a-file', path });
  });

  // In a child with a time limit: before the fix, Node's recursive mkdir spun forever here, which no Jest timeout
  // can interrupt.
  (existsSync('/proc/self') ? it : it.skip)(
    'refuses, at once, a data folder where no folder can be made (/proc)',
    () => {
      const script = [
        `require(${JSON.stringify(join(__dirname, '..', '..', '..', 'support', 'swc-require-hook.cjs'))});`,
        `const { openStore } = require(${JSON.stringify(join(__dirname, '../../../../src/node/store'))});`,
        "try { openStore('/proc/plenum-test/data/plenum.sqlite'); } catch (e) { console.log(JSON.stringify(e.problem)); }",
      ].join('\n');
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
      expect(run.signal).toBeNull();
      expect(JSON.parse(run.stdout)).toEqual({ kind: 'read-only', path: '/proc/plenum-test' });
    },
  );

  it('still opens a store through a symlink to a regular file', () => {
    const real = freshStore(tempDir(), 'real.sqlite');
    real.close();
    const link = join(tempDir(), 'plenum.sqlite');
    execFileSync('ln', ['-s', join(tempDir(), 'real.sqlite'), link]);
    const store = openStore(link);
    expect(store.listNotes('c')).toEqual([]);
    store.close();
  });
});
