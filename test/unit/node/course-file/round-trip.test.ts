import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CourseFileWriter, openCourseFile, unlockCourseFile } from '../../../../src/node/course-file';
import {
  awkwardEntries,
  CHEAP_SCRYPT,
  SMALL_CHUNK,
  writeFixture,
} from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';
import { problemOf } from '../../../support/expect-problem';

const tempDir = useTempDir();

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of iterable) parts.push(part);
  return Buffer.concat(parts);
}

describe('course file round trip', () => {
  it('reads back every entry byte for byte, at sizes around the chunk size', async () => {
    const entries = awkwardEntries();
    const path = await writeFixture(tempDir(), entries);
    const locked = await openCourseFile(path);
    expect(locked.header.course).toEqual({ id: 'test-course', title: 'Prøvekurs', language: 'nb' });
    const file = await locked.unlock('riktig passord');
    expect(file.entries().map((entry) => entry.name)).toEqual(entries.map(([name]) => name));
    for (const [name, data] of entries) {
      expect((await file.readAll(name)).equals(data)).toBe(true);
      expect(file.entry(name).size).toBe(data.length);
    }
    await file.verify();
    await file.close();
  });

  it('streams an entry written from an async source in odd-sized pieces', async () => {
    const data = randomBytes(5 * SMALL_CHUNK + 333);
    async function* pieces() {
      for (let at = 0; at < data.length; at += 77) yield data.subarray(at, Math.min(at + 77, data.length));
    }
    const path = join(tempDir(), 'streamed.plenum');
    const writer = await CourseFileWriter.create(path, {
      course: { id: 'x', title: 'X', language: 'nb' },
      passwords: ['p'],
      scrypt: CHEAP_SCRYPT,
      chunkSize: SMALL_CHUNK,
    });
    await writer.addEntry('film.bin', pieces());
    await writer.finish();
    const file = await unlockCourseFile(path, 'p');
    expect((await file.readAll('film.bin')).equals(data)).toBe(true);
    await file.close();
  });

  it('any byte range equals the same slice of the plaintext (property)', async () => {
    const data = randomBytes(7 * SMALL_CHUNK + 11);
    const path = await writeFixture(tempDir(), [['big.bin', data]]);
    const file = await unlockCourseFile(path, 'riktig passord');
    await fc.assert(
      fc.asyncProperty(fc.nat(data.length), fc.nat(data.length), async (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const got = await collect(file.read('big.bin', { start, end }));
        expect(got.equals(data.subarray(start, end))).toBe(true);
      }),
      { numRuns: 300 },
    );
    await file.close();
  });

  it('round-trips random sets of entries (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.record({
            name: fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8}(\.[a-z0-9]{1,3})?)?$/),
            size: fc.nat(4 * SMALL_CHUNK),
          }),
          { minLength: 1, maxLength: 6, selector: (entry) => entry.name },
        ),
        async (specs) => {
          const entries = specs.map(({ name, size }) => [name, randomBytes(size)] as const);
          const dir = tempDir();
          const path = await writeFixture(dir, entries, {
            name: `p-${Math.random().toString(36).slice(2)}.plenum`,
          });
          const file = await unlockCourseFile(path, 'riktig passord');
          for (const [name, data] of entries) expect((await file.readAll(name)).equals(data)).toBe(true);
          await file.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses ranges outside the entry and names it', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]]);
    const file = await unlockCourseFile(path, 'riktig passord');
    expect(() => file.read('a.bin', { start: 5, end: 11 })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ kind: 'bad-range' }) }),
    );
    expect(() => file.read('a.bin', { start: 6, end: 5 })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ kind: 'bad-range' }) }),
    );
    expect(() => file.read('nope.bin')).toThrow(
      expect.objectContaining({ problem: { kind: 'unknown-entry', entry: 'nope.bin' } }),
    );
    await file.close();
  });

  it('says "wrong password" for a wrong password, and accepts each of several passwords', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(10)]], {
      passwords: ['første', 'andre'],
    });
    const locked = await openCourseFile(path);
    expect(await problemOf(locked.unlock('feil'))).toEqual({ kind: 'wrong-password' });
    for (const password of ['første', 'andre']) {
      const file = await unlockCourseFile(path, password);
      expect(file.entries()).toHaveLength(1);
      await file.close();
    }
    await locked.close();
  });

  it('treats passwords as Unicode text, whatever its normal form', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(4)]], { passwords: ['blåbær'] });
    const decomposed = 'blåbær'.normalize('NFD');
    const file = await unlockCourseFile(path, decomposed);
    await file.close();
  });

  it('refuses duplicate and unsafe entry names, and an aborted write leaves nothing behind', async () => {
    const dir = tempDir();
    const writer = await CourseFileWriter.create(join(dir, 'x.plenum'), {
      course: { id: 'x', title: 'X', language: 'nb' },
      passwords: ['p'],
      scrypt: CHEAP_SCRYPT,
    });
    await writer.addEntry('a.bin', Buffer.from('a'));
    expect(() => writer.openEntry('a.bin')).toThrow(
      expect.objectContaining({ problem: { kind: 'duplicate-entry', entry: 'a.bin' } }),
    );
    for (const bad of ['../x', '/abs', 'a//b', 'a/../b', 'sp ace', '', '.', 'a/.']) {
      expect(() => writer.openEntry(bad)).toThrow(
        expect.objectContaining({ problem: { kind: 'bad-entry-name', entry: bad } }),
      );
    }
    expect(statSync(writer.temporaryPath).isFile()).toBe(true);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing decrypted: no plaintext run of an entry appears in the file', async () => {
    const marker = Buffer.from('KLARTEKST-SOM-ALDRI-SKAL-STÅ-PÅ-DISK '.repeat(200));
    const path = await writeFixture(tempDir(), [['secret.txt', marker]]);
    const raw = readFileSync(path);
    expect(raw.includes(Buffer.from('KLARTEKST-SOM-ALDRI'))).toBe(false);
  });
});
