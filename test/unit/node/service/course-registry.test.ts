import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { unlockCourseFile } from '../../../../src/node/course-file';
import { CourseRegistry, MAX_OPEN_COURSES } from '../../../../src/node/service/course-registry';
import { writeFixture } from '../../../support/course-file-fixture';
import { problemOf } from '../../../support/expect-problem';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const PASSWORD = 'riktig passord';

/** Open descriptors of this process (Linux). */
const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function register(registry: CourseRegistry, path: string) {
  const file = await unlockCourseFile(path, PASSWORD);
  // The registry looks only at the file; the manifest is not read here.
  return registry.add({ path, file, manifest: {} as never, plan: null });
}

/** Lets the closes the registry started (fire and forget) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('open courses', () => {
  it('unlocking the same file 300 times keeps one course and one descriptor', async () => {
    const path = await writeFixture(tempDir(), [['a.bin', randomBytes(100)]]);
    const registry = new CourseRegistry();
    const first = await register(registry, path);
    await settle();
    const before = openDescriptors();
    for (let time = 0; time < 300; time++) expect((await register(registry, path)).handle).toBe(first.handle);
    await settle();
    expect(openDescriptors()).toBeLessThanOrEqual(before + 1);
    expect(await first.file.readAll('a.bin')).toHaveLength(100);
    await registry.closeAll();
  });

  it(`refuses a course beyond ${MAX_OPEN_COURSES} open ones, closing its file, until one is closed`, async () => {
    const dir = tempDir();
    const registry = new CourseRegistry();
    const paths = [];
    for (let index = 0; index <= MAX_OPEN_COURSES; index++) {
      paths.push(await writeFixture(dir, [['a.bin', randomBytes(10)]], { name: `k${index}.plenum` }));
    }
    const opened = [];
    for (const path of paths.slice(0, MAX_OPEN_COURSES)) opened.push(await register(registry, path));
    await settle();
    const before = openDescriptors();
    expect(await problemOf(register(registry, paths[MAX_OPEN_COURSES]!))).toEqual({
      kind: 'too-many-open',
      max: MAX_OPEN_COURSES,
    });
    await settle();
    expect(openDescriptors()).toBe(before);
    await registry.remove(opened[0]!.handle);
    expect((await register(registry, paths[MAX_OPEN_COURSES]!)).path).toBe(paths[MAX_OPEN_COURSES]);
    await registry.closeAll();
  });
});
