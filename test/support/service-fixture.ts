import { join } from 'node:path';
import type { ApiResult } from '../../src/common/ipc/api-error';
import { CourseFileWriter } from '../../src/node/course-file';
import { CHEAP_SCRYPT } from './course-file-fixture';

/** The password the service tests' course files open with. */
export const SERVICE_TEST_PASSWORD = 'riktig';

/**
 * Writes `kurs.plenum` in `dir`: the manifest as given (valid or not: some tests need a broken one) and an
 * empty playlist, under the course id, title and language the manifest names.
 */
export async function writeManifestCourse(
  dir: string,
  manifest: { id: string; title: string; language: string },
): Promise<string> {
  const path = join(dir, 'kurs.plenum');
  const writer = await CourseFileWriter.create(path, {
    course: { id: manifest.id, title: manifest.title, language: manifest.language },
    passwords: [SERVICE_TEST_PASSWORD],
    scrypt: CHEAP_SCRYPT,
  });
  await writer.addEntry('manifest.json', Buffer.from(JSON.stringify(manifest)));
  await writer.addEntry('media/index.m3u8', Buffer.from('#EXTM3U\n'));
  await writer.finish();
  return path;
}

/** The value of a call that must have succeeded (the error is shown when it did not). */
export function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
