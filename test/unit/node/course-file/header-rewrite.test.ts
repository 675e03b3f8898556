import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addPassword,
  openCourseFile,
  realDiskWrites,
  removePassword,
  unlockCourseFile,
  type DiskWrites,
} from '../../../../src/node/course-file';
import { lockPathFor } from '../../../../src/node/course-file/file-lock';
import { CHEAP_SCRYPT, writeFixture } from '../../../support/course-file-fixture';
import { problemOf } from '../../../support/expect-problem';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
/** The production header region: a power cut is simulated at every 512-byte sector boundary of it. */
const REGION = 16 * 1024;
const SECTOR = 512;
const CHILD = join(__dirname, 'children', 'ts-child.cjs');
const CLI = join(__dirname, 'children', 'run-cli.ts');

async function opens(path: string, password: string): Promise<boolean> {
  return unlockCourseFile(path, password).then(
    async (file) => {
      await file.verify();
      await file.close();
      return true;
    },
    () => false,
  );
}

async function fixture(passwords: string[]): Promise<string> {
  return writeFixture(tempDir(), [['a.bin', randomBytes(3000)]], { passwords, headerRegionSize: REGION });
}

/**
 * A disk that loses power after `budget` bytes: the write that crosses it lands only in part, and from then on
 * nothing reaches the disk (every later write and fsync fails, as the undo's would).
 */
function powerCutAfter(budget: number): DiskWrites {
  let left = budget;
  const dead = () => Object.assign(new Error('power cut'), { code: 'EIO' });
  return {
    write: async (handle, bytes, position) => {
      if (left <= 0) throw dead();
      const part = bytes.subarray(0, Math.min(bytes.length, left));
      const written = await realDiskWrites.write(handle, part, position);
      left -= written;
      return written;
    },
    sync: async (handle) => {
      if (left <= 0) throw dead();
      await realDiskWrites.sync(handle);
    },
  };
}

/** A disk whose n-th call of `op` (from 1) fails with `code`; `short` makes writes land half at a time. */
function failingDisk(op: 'write' | 'sync', nth: number, code: string, short = false): DiskWrites {
  let calls = 0;
  const fail = () => Object.assign(new Error(`injected ${code}`), { code });
  return {
    write: async (handle, bytes, position) => {
      if (op === 'write' && ++calls === nth) throw fail();
      const part = short ? bytes.subarray(0, Math.ceil(bytes.length / 2)) : bytes;
      return realDiskWrites.write(handle, part, position);
    },
    sync: async (handle) => {
      if (op === 'sync' && ++calls === nth) throw fail();
      await realDiskWrites.sync(handle);
    },
  };
}

/** Runs the CLI from source in a child process; `shell` prefixes it (e.g. a ulimit). */
function runCliChild(
  args: string[],
  options: {
    cwd: string;
    stdin?: string | Promise<string>;
    shellPrefix?: string;
    env?: NodeJS.ProcessEnv;
  },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = [process.execPath, CHILD, CLI, ...args].map((part) => `'${part}'`).join(' ');
  const child = spawn('bash', ['-c', `${options.shellPrefix ?? ''} exec ${command}`], {
    cwd: options.cwd,
    env: { ...process.env, PLENUM_LANG: 'en', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (options.stdin !== undefined) void Promise.resolve(options.stdin).then((text) => child.stdin.end(text));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('header rewrites survive power cuts (two header copies)', () => {
  it.each([
    ['both copies intact', -1],
    ['the first copy already torn by an earlier power cut', 0],
    ['the second copy already torn by an earlier power cut', REGION],
  ])(
    'adding a password, %s, torn at every sector boundary: the old password always opens, the new one once a copy is whole',
    async (_label, tornAt) => {
      const original = await fixture(['gammel']);
      if (tornAt >= 0) {
        // An earlier rewrite cut in this copy's JSON: the copy is not intact, the file opens from the other.
        const bytes = readFileSync(original);
        bytes.fill(0x7b, tornAt + 100, tornAt + 600);
        writeFileSync(original, bytes);
        expect(await opens(original, 'gammel')).toBe(true);
      }
      const results: string[] = [];
      for (let cut = 0; cut <= 2 * REGION; cut += SECTOR) {
        const path = join(tempDir(), `cut-${cut}.plenum`);
        copyFileSync(original, path);
        const finished = await addPassword(path, 'gammel', 'ny', {
          cost: CHEAP_SCRYPT,
          disk: powerCutAfter(cut),
        }).then(
          () => true,
          () => false,
        );
        const old = await opens(path, 'gammel');
        const added = await opens(path, 'ny');
        // Success is never reported over a power cut, even one that struck only the last fsync.
        if (!old || added !== cut >= REGION || finished) {
          results.push(`cut ${cut}: old ${old}, new ${added}, finished ${finished}`);
        }
      }
      expect(results).toEqual([]);
    },
  );

  it('removing a password, torn at every sector boundary (and inside the last sector): never unopenable', async () => {
    const original = await fixture(['bli', 'fjern']);
    const results: string[] = [];
    const cuts = [REGION - 16, 2 * REGION - 16];
    for (let cut = 0; cut <= 2 * REGION; cut += SECTOR) cuts.push(cut);
    for (const cut of cuts) {
      const path = join(tempDir(), `cut-${cut}.plenum`);
      copyFileSync(original, path);
      await removePassword(
        path,
        'bli',
        { by: 'password', password: 'fjern' },
        { disk: powerCutAfter(cut) },
      ).catch(() => undefined);
      const kept = await opens(path, 'bli');
      const removed = !(await opens(path, 'fjern'));
      // Inside a copy's last sector the new text may stand with the old HMAC: then the old header is used.
      if (!kept || (cut % SECTOR === 0 && removed !== cut >= REGION)) {
        results.push(`cut ${cut}: kept ${kept}, removed ${removed}`);
      }
    }
    expect(results).toEqual([]);
  });
});

describe('every write is checked, and a failure leaves the file as it was', () => {
  it('short writes are completed: the header is whole', async () => {
    const path = await fixture(['a']);
    await addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT, disk: failingDisk('write', 0, 'none', true) });
    expect(await opens(path, 'a')).toBe(true);
    expect(await opens(path, 'b')).toBe(true);
  });

  it.each([
    ['ENOSPC on the first write, after short writes', failingDisk('write', 2, 'ENOSPC', true)],
    ['EIO on the first fsync', failingDisk('sync', 1, 'EIO')],
    ['EIO on the second copy', failingDisk('write', 2, 'EIO')],
    ['EIO on the last fsync', failingDisk('sync', 2, 'EIO')],
  ])('%s: write-failed, "unchanged", and the bytes are those before', async (_label, disk) => {
    const path = await fixture(['a']);
    const before = readFileSync(path);
    const problem = await problemOf(addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT, disk }));
    expect(problem).toMatchObject({ kind: 'write-failed', path, outcome: 'unchanged' });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await opens(path, 'b')).toBe(false);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('when even the undo fails after a whole copy was written, it says the outcome is unknown, and the file opens', async () => {
    const path = await fixture(['a']);
    const problem = await problemOf(
      addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT, disk: powerCutAfter(REGION + SECTOR) }),
    );
    expect(problem).toMatchObject({ kind: 'write-failed', outcome: 'unknown', reason: 'EIO' });
    expect(await opens(path, 'a')).toBe(true);
  });

  it('a real file-size limit (ulimit -f): exit 1, a clear message, no stack, the file unchanged', async () => {
    const dir = tempDir();
    const path = await writeFixture(dir, [['a.bin', randomBytes(3000)]], {
      passwords: ['gammel'],
      headerRegionSize: REGION,
    });
    writeFileSync(join(dir, 'old.txt'), 'gammel\n');
    writeFileSync(join(dir, 'new.txt'), 'ny\n');
    const before = readFileSync(path);
    // 16 blocks of 512 bytes: the second header copy starts at 16 KiB, beyond the limit.
    const run = await runCliChild(
      ['passwords', 'add', path, '--password-file', 'old.txt', '--new-password-file', 'new.txt'],
      { cwd: dir, shellPrefix: 'ulimit -f 16;', env: { PLENUM_SCRYPT_LOG2N: '10' } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Could not write the course file .* \(EFBIG\)\. Nothing was changed/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await opens(path, 'gammel')).toBe(true);
  });
});

describe('concurrent rewrites', () => {
  it('two `passwords add` in two processes at once: both succeed and both slots survive', async () => {
    const dir = tempDir();
    // A dearer slot (N=2^14) widens the window in which both would read the same header without the lock.
    const path = await writeFixture(dir, [['a.bin', randomBytes(3000)]], { passwords: ['felles'] });
    writeFileSync(join(dir, 'b.txt'), 'skole b\n');
    writeFileSync(join(dir, 'c.txt'), 'skole c\n');
    // Both children start, then wait reading the authorising password from stdin. It is sent to both at once
    // after they have had time to load, so their read-modify-writes overlap (without the lock one slot is lost).
    const go = new Promise<string>((resolve) => setTimeout(() => resolve('felles\n'), 4000));
    const spawnAdd = (file: string) =>
      runCliChild(['passwords', 'add', path, '--password-stdin', '--new-password-file', file], {
        cwd: dir,
        stdin: go,
        env: { PLENUM_SCRYPT_LOG2N: '14' },
      });
    const [b, c] = await Promise.all([spawnAdd('b.txt'), spawnAdd('c.txt')]);
    expect([b.code, c.code, b.stderr, c.stderr]).toEqual([0, 0, '', '']);
    const locked = await openCourseFile(path);
    expect(locked.header.slots).toHaveLength(3);
    await locked.close();
    expect(await opens(path, 'skole b')).toBe(true);
    expect(await opens(path, 'skole c')).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.lock'))).toEqual([]);
  }, 60_000);

  it('a missing file is "not found", even in a missing folder, and no lock file is left', async () => {
    const dir = tempDir();
    for (const path of [join(dir, 'borte.plenum'), join(dir, 'ingen-mappe', 'borte.plenum')]) {
      expect(await problemOf(addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT }))).toEqual({
        kind: 'not-found',
        path,
      });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a live lock is waited for, then refused as busy naming the lock; a dead one is taken over', async () => {
    const path = await fixture(['a']);
    writeFileSync(lockPathFor(path), `${process.pid}\n`);
    expect(await problemOf(addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT, lockWaitMs: 200 }))).toEqual({
      kind: 'busy',
      path,
      lockPath: lockPathFor(path),
    });
    writeFileSync(lockPathFor(path), `${await deadPid()}\n`);
    await addPassword(path, 'a', 'b', { cost: CHEAP_SCRYPT, lockWaitMs: 200 });
    expect(await opens(path, 'b')).toBe(true);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});

describe('format 1 files (one header copy) stay readable and writable', () => {
  const FORMAT_1 = join(__dirname, 'fixtures', 'format-1.plenum');

  it('opens and verifies a file made by the format-1 writer', async () => {
    const locked = await openCourseFile(FORMAT_1);
    expect(locked.header.format).toBe(1);
    await locked.close();
    expect(await opens(FORMAT_1, 'format-1 a')).toBe(true);
    expect(await opens(FORMAT_1, 'format-1 b')).toBe(true);
  });

  it('adds and removes passwords by rewriting beside and renaming; no partial is left', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.plenum');
    copyFileSync(FORMAT_1, path);
    await addPassword(path, 'format-1 a', 'format-1 c', { cost: CHEAP_SCRYPT });
    await removePassword(path, 'format-1 a', { by: 'password', password: 'format-1 b' });
    expect(await opens(path, 'format-1 c')).toBe(true);
    expect(await opens(path, 'format-1 b')).toBe(false);
    const locked = await openCourseFile(path);
    expect(locked.header.format).toBe(1);
    await locked.close();
    expect(readdirSync(dir)).toEqual(['old.plenum']);
  });

  it('a failing write of the copy leaves the original untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.plenum');
    copyFileSync(FORMAT_1, path);
    const before = readFileSync(path);
    const problem = await problemOf(
      addPassword(path, 'format-1 a', 'x', { cost: CHEAP_SCRYPT, disk: failingDisk('sync', 1, 'EIO') }),
    );
    expect(problem).toMatchObject({ kind: 'write-failed', outcome: 'unchanged', reason: 'EIO' });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['old.plenum']);
  });

  it('a failing fsync of the folder after the rename is reported as "unknown", not as success', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.plenum');
    copyFileSync(FORMAT_1, path);
    const disk: DiskWrites = {
      ...realDiskWrites,
      syncDirectory: async () => {
        throw Object.assign(new Error('injected'), { code: 'EIO' });
      },
    };
    const problem = await problemOf(addPassword(path, 'format-1 a', 'x', { cost: CHEAP_SCRYPT, disk }));
    expect(problem).toMatchObject({ kind: 'write-failed', outcome: 'unknown', reason: 'EIO' });
    expect(await opens(path, 'format-1 a')).toBe(true);
  });
});

/** The id of a process that has exited (so no process has it, barring reuse within milliseconds). */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}
