import type { CourseRecord } from '../../../common/ipc/api-types';
import { openCourseFile } from '../../course-file';
import type { ApiHandlers } from '../dispatcher';
import type { ServiceContext } from '../service-context';

/** The library: course files the user has opened, added by a typed path or the native dialog. */
export function libraryHandlers(
  context: ServiceContext,
  demoListed: Promise<CourseRecord | null>,
): Pick<ApiHandlers, 'library.list' | 'library.add' | 'library.pickFile'> {
  const { store, events, deps } = context;
  const add = async (path: string): Promise<CourseRecord> => {
    // Only the public header is read: enough to list the file under its title, and to refuse a non-course.
    const locked = await openCourseFile(path);
    const { course } = locked.header;
    await locked.close();
    const record = store.upsertCourseFile({ path, courseId: course.id, title: course.title, isDemo: false });
    events.emit('library.changed', { entries: store.listCourseFiles() });
    return record;
  };
  return {
    'library.list': async () => {
      await demoListed;
      return store.listCourseFiles();
    },
    'library.add': async ({ path }) => add(path),
    'library.pickFile': async () => {
      const path = deps.pickFile ? await deps.pickFile() : null;
      return path === null ? null : add(path);
    },
  };
}
