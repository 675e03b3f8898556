import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CourseFileWriter,
  realDiskWrites,
  unlockCourseFile,
  type DiskWrites,
} from '../../../../src/node/course-file';
import { CHEAP_SCRYPT } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const CHILD = join(__dirname, 'children', 'ts-child.cjs');
const course = { id: 'x', title: 'X', language: 'nb' };

async function writeWith(path: string, disk: DiskWrites, data: Buffer): Promise<void> {
  const writer = await CourseFileWriter.create(path, {
    course,
    passwords: ['p'],
    scrypt: CHEAP_SCRYPT,
    chunkSize: 1024,
    disk,
  });
  try {
    await writer.addEntry('a.bin', data);
    await writer.finish();
  } finally {
    await writer.abort();
  }
}

/** Process ids of processes that have exited. */
async function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => resolve(child.pid!));
  });
}

describe('the writer checks every write', () => {
  it('completes short writes (a third of each write lands): the file reads back whole', async () => {
    const path = join(tempDir(), 'short.plenum');
    const data = randomBytes(5000);
    const thirds: DiskWrites = {
      write: (handle, bytes, position) =>
        realDiskWrites.write(handle, bytes.subarray(0, Math.ceil(bytes.length / 3)), position),
      sync: realDiskWrites.sync,
    };
    await writeWith(path, thirds, data);
    const file = await unlockCourseFile(path, 'p');
    expect((await file.readAll('a.bin')).equals(data)).toBe(true);
    await file.close();
  });

  it.each([
    ['ENOSPC in the data', 'write', 3, 'ENOSPC'],
    ['EIO on fsync', 'sync', 1, 'EIO'],
    ['a write that makes no progress', 'zero', 2, 'short write'],
  ] as const)(
    '%s: the error has its code, and neither the target nor a partial is left',
    async (_l, op, nth, code) => {
      const dir = tempDir();
      let calls = 0;
      const failing: DiskWrites = {
        write: async (handle, bytes, position) => {
          if (op !== 'sync' && ++calls === nth) {
            if (op === 'zero') return 0;
            throw Object.assign(new Error('injected'), { code });
          }
          return realDiskWrites.write(handle, bytes, position);
        },
        sync: async (handle) => {
          if (op === 'sync' && ++calls === nth) throw Object.assign(new Error('injected'), { code });
          await realDiskWrites.sync(handle);
        },
      };
      await expect(writeWith(join(dir, 'x.plenum'), failing, randomBytes(5000))).rejects.toMatchObject({
        code,
      });
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a failing fsync of the folder after the rename takes the new file away again: the failure is the truth', async () => {
    const dir = tempDir();
    const failingFolder: DiskWrites = {
      ...realDiskWrites,
      syncDirectory: async () => {
        throw Object.assign(new Error('injected'), { code: 'EIO' });
      },
    };
    await expect(writeWith(join(dir, 'x.plenum'), failingFolder, randomBytes(100))).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('partials left by a killed write', () => {
  it('a pack killed with SIGKILL leaves a partial (never plaintext); the next write of that target removes it', async () => {
    const dir = tempDir();
    const target = join(dir, 'kurs.plenum');
    const child = spawn(process.execPath, [CHILD, join(__dirname, 'children', 'slow-writer.ts'), target]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const left = readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.kurs\.plenum\.\d+-[0-9a-f]{12}\.partial$/);
    // The slow writer's entry is 10,000 bytes of 0x01: encrypted, no run of it survives.
    expect(readFileSync(join(dir, left[0]!)).includes(Buffer.alloc(64, 1))).toBe(false);

    await writeWith(target, realDiskWrites, randomBytes(100));
    expect(readdirSync(dir)).toEqual(['kurs.plenum']);
  }, 30_000);

  it('removes only stale partials of the same target: not a live writer’s, not another file’s', async () => {
    const dir = tempDir();
    const dead = await deadPid();
    const names = {
      dead: `.kurs.plenum.${dead}-0123456789ab.partial`,
      oldStyle: '.kurs.plenum.0123456789ab.partial',
      live: `.kurs.plenum.${process.pid}-0123456789ab.partial`,
      other: `.annen.plenum.${dead}-0123456789ab.partial`,
      lookalike: '.kurs.plenum.notes.partial',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');
    await writeWith(join(dir, 'kurs.plenum'), realDiskWrites, randomBytes(10));
    expect(readdirSync(dir).sort()).toEqual(['kurs.plenum', names.live, names.other, names.lookalike].sort());
  });
});
