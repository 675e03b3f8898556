import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  addPassword,
  openCourseFile,
  removePassword,
  unlockCourseFile,
} from '../../../../src/node/course-file';
import { CHEAP_SCRYPT, writeFixture } from '../../../support/course-file-fixture';
import { problemOf } from '../../../support/expect-problem';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const HEADER = 2 * 4096;

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

describe('passwords (key slots)', () => {
  it('adds a password by rewriting only the header region', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(5000)]], { passwords: ['skole-a'] });
    const before = readFileSync(path);
    const slot = await addPassword(path, 'skole-a', 'skole-b', { cost: CHEAP_SCRYPT });
    const after = readFileSync(path);
    expect(slot.id).toMatch(/^[a-f0-9]{8}$/);
    expect(after.length).toBe(before.length);
    expect(after.subarray(HEADER).equals(before.subarray(HEADER))).toBe(true);
    expect(await opens(path, 'skole-a')).toBe(true);
    expect(await opens(path, 'skole-b')).toBe(true);
    const locked = await openCourseFile(path);
    expect(locked.header.slots).toHaveLength(2);
    await locked.close();
  });

  it('removes a password by the password itself, or by slot id', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], { passwords: ['a', 'b', 'c'] });
    await removePassword(path, 'a', { by: 'password', password: 'b' });
    expect(await opens(path, 'b')).toBe(false);
    expect(await opens(path, 'a')).toBe(true);
    const fileForC = await unlockCourseFile(path, 'c');
    const slotOfC = fileForC.slotId;
    await fileForC.close();
    await removePassword(path, 'a', { by: 'id', id: slotOfC });
    expect(await opens(path, 'c')).toBe(false);
    expect(await opens(path, 'a')).toBe(true);
  });

  it('refuses to remove the last password, and changes nothing', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], { passwords: ['eneste'] });
    const before = readFileSync(path);
    expect(await problemOf(removePassword(path, 'eneste', { by: 'password', password: 'eneste' }))).toEqual({
      kind: 'last-password',
    });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a wrong authorising password, and changes nothing', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], { passwords: ['riktig'] });
    const before = readFileSync(path);
    expect(await problemOf(addPassword(path, 'feil', 'ny', { cost: CHEAP_SCRYPT }))).toEqual({
      kind: 'wrong-password',
    });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('says so when the header has no room for another slot', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], { passwords: ['p'] });
    let problem;
    for (let i = 0; i < 40 && !problem; i++) {
      problem = await addPassword(path, 'p', `extra-${i}`, { cost: CHEAP_SCRYPT }).then(
        () => undefined,
        (error: { problem?: unknown }) => error.problem,
      );
    }
    expect(problem).toMatchObject({ kind: 'too-many-passwords' });
    expect(await opens(path, 'p')).toBe(true);
  });
});
