import { courseManifestSchema, type CourseManifest } from '../../../common/course/manifest';
import type { UnlockedCourse } from '../../../common/ipc/contract';
import type { LecturePlan } from '../../../common/plan/plan-step';
import type { OpenCourse } from '../course-registry';
import { CourseFileError, unlockCourseFile } from '../../course-file';
import { MANIFEST_ENTRY } from '../../packer/pack-course';
import type { ApiHandlers } from '../dispatcher';
import type { ServiceContext } from '../service-context';
import { ServiceError } from '../service-error';

/** Unlocking and locking courses, and the plan a course's sessions follow. */
export function courseHandlers(
  context: ServiceContext,
): Pick<ApiHandlers, 'course.unlock' | 'course.lock' | 'course.choosePlan' | 'course.adoptPlan'> {
  const { store, courses, runner, deps } = context;
  const choose = (course: OpenCourse, plan: LecturePlan | null): void => {
    course.plan = plan;
    // Remembered for the course, so it opens following this plan next time; failing to remember it is no
    // reason to fail the choice.
    const { [course.manifest.id]: _previous, ...others } = context.settings().planByCourse;
    const id = plan?.id ?? null;
    context.remember({ planByCourse: id === null ? others : { ...others, [course.manifest.id]: id } });
    runner.followPlan(course);
    context.changed();
  };
  return {
    'course.unlock': async ({ id, password }): Promise<UnlockedCourse> => {
      const entry = store.getCourseFile(id);
      if (entry === null) throw new ServiceError({ code: 'not-found', what: 'library-entry' });
      const { path } = entry;
      const file = await unlockCourseFile(path, password);
      let manifest: CourseManifest;
      try {
        manifest = readManifest(await file.readAll(MANIFEST_ENTRY));
      } catch (error) {
        await file.close();
        throw error;
      }
      const course = courses.add({ path, file, manifest, plan: context.chosenPlan(manifest) });
      const isDemo = deps.demo?.path === path;
      const record = store.upsertCourseFile({ path, courseId: manifest.id, title: manifest.title, isDemo });
      store.touchCourseFile(record.id);
      context.events.emit('library.changed', { entries: store.listCourseFiles() });
      context.changed();
      return context.unlockedView(course);
    },
    'course.lock': async ({ handle }) => {
      // The end card names the course: it goes with the course.
      if (context.closing()?.handle === handle) context.setClosing(null);
      runner.release(handle);
      if (await courses.remove(handle)) context.changed();
      return null;
    },
    'course.choosePlan': async ({ handle, plan }) => {
      const course = context.opened(handle);
      choose(course, plan);
      return context.unlockedView(course);
    },
    'course.adoptPlan': async ({ handle, plan }) => {
      const course = context.opened(handle);
      if (plan.courseId !== course.manifest.id) throw new ServiceError({ code: 'not-found', what: 'plan' });
      const saved = store.savePlan(plan);
      if (!saved) throw new ServiceError({ code: 'not-found', what: 'plan' });
      const { id, name, steps, budgetMinutes } = saved;
      choose(course, { id, name, steps, budgetMinutes });
      return saved;
    },
  };
}

/**
 * Reads the manifest entry. One the schema does not accept was made by a newer packer (a higher
 * manifestVersion) or altered in a way authentication cannot catch (it can't: then it would not have
 * decrypted), so a newer-version problem is the honest answer when the version is higher.
 */
function readManifest(bytes: Buffer): CourseManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new CourseFileError({ kind: 'damaged', where: { part: 'index' } }, { cause });
  }
  const parsed = courseManifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const version = (json as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version === 'number' && version > 1)
    throw new CourseFileError({ kind: 'newer-version', version });
  throw new CourseFileError({ kind: 'damaged', where: { part: 'index' } });
}
