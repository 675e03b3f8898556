import type { ApiError, ApiResult } from '../../common/ipc/api-error';
import type { CourseRecord } from '../../common/ipc/api-types';
import type { AudiencePresence, ClosingCard, PlenumState, UnlockedCourse } from '../../common/ipc/contract';
import type { Settings } from '../../common/ipc/api-types';
import { ROOM_CHECK_IDLE, type RoomCheck } from '../../common/room/room-check';
import { CourseFileError, openCourseFile } from '../course-file';
import type { Store } from '../store';
import { StoreError } from '../store';
import { CourseRegistry, type OpenCourse } from './course-registry';
import { createDispatcher, type ApiHandlers } from './dispatcher';
import { courseHandlers } from './handlers/course-handlers';
import { libraryHandlers } from './handlers/library-handlers';
import { recordHandlers } from './handlers/record-handlers';
import { roomHandlers } from './handlers/room-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import type { ServiceContext, ServiceDeps } from './service-context';
import { ServiceError } from './service-error';
import { ServiceEvents } from './service-events';
import { SessionRunner } from './session-runner';

export type { ServiceDeps } from './service-context';

/** How often main checks whether the idle time to lock the courses again has passed. */
export const IDLE_CHECK_MS = 30_000;

/** The running service: the API's one entry point, its events, and the unlocked courses for the media handler. */
export interface PlenumService {
  dispatch(channel: string, args: unknown): Promise<ApiResult<unknown>>;
  events: ServiceEvents;
  /** The snapshot every window renders (main reads it too: the clicker and the display-sleep blocker). */
  state(): PlenumState;
  resolveCourse(handle: string): OpenCourse['file'] | undefined;
  /** The shell says whether an audience window shows the stage (opened, closed, moved, display unplugged). */
  setAudience(presence: AudiencePresence): void;
  /** Locks every course when the idle time has passed with no session running (called by a timer). */
  lockIfIdle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The use cases behind the API contract, independent of Electron: one call each, atomic, one broadcast.
 * The handlers live per area in ./handlers; the sessions in the SessionRunner.
 */
export function createPlenumService(deps: ServiceDeps): PlenumService {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const courses = new CourseRegistry();
  const events = new ServiceEvents();
  let revision = 0;
  let audience: AudiencePresence = { kind: 'absent' };
  let closing: ClosingCard | null = null;
  let roomCheck: RoomCheck = ROOM_CHECK_IDLE;
  let lastActivity = now();

  const state = (): PlenumState => ({
    revision,
    courses: courses.all().map(unlockedView),
    session: runner.running(),
    audience,
    settings: store.getSettings(),
    closing,
    roomCheck,
  });
  const changed = (): void => {
    revision += 1;
    events.emit('state', state());
  };
  const runner = new SessionRunner({
    store,
    now,
    onChange: changed,
    onPosition: (sessionId, seconds) => events.emit('position', { sessionId, seconds }),
    ...(deps.sessionSaveMs === undefined ? {} : { saveEveryMs: deps.sessionSaveMs }),
  });

  function unlockedView(course: OpenCourse): UnlockedCourse {
    const { header } = course.file;
    return {
      handle: course.handle,
      header: {
        courseId: header.course.id,
        title: header.course.title,
        language: header.course.language,
        createdAt: header.createdAt,
        createdBy: header.createdBy,
        fileSize: header.fileSize,
      },
      manifest: course.manifest,
      mediaBase: deps.mediaBase(course.handle),
      plan: course.plan,
      unfinished: runner.unfinished(course),
    };
  }

  const context: ServiceContext = {
    deps,
    store,
    courses,
    runner,
    events,
    now,
    opened: (handle) => {
      const course = courses.get(handle);
      if (!course) throw new ServiceError({ code: 'course-locked' });
      return course;
    },
    unlockedView,
    changed,
    audience: () => audience,
    roomCheck: () => roomCheck,
    setRoomCheck: (next) => {
      roomCheck = next;
    },
    setClosing: (card) => {
      closing = card;
    },
    closing: () => closing,
    settings: () => store.getSettings(),
    remember: (partial: Partial<Settings>) => {
      try {
        store.updateSettings(partial);
      } catch (error) {
        console.error('plenum: a setting could not be saved', error);
      }
    },
    chosenPlan: (manifest) => {
      const id = store.getSettings().planByCourse[manifest.id];
      const plan =
        id === undefined ? undefined : store.listPlans(manifest.id).find((stored) => stored.id === id);
      return plan === undefined
        ? null
        : { id: plan.id, name: plan.name, steps: plan.steps, budgetMinutes: plan.budgetMinutes };
    },
  };

  // The demo is listed from the start with the title its public header gives; a missing demo is skipped.
  const demoListed = listDemo(store, deps.demo?.path);
  const handlers: ApiHandlers = {
    ...recordHandlers(context),
    ...libraryHandlers(context, demoListed),
    ...courseHandlers(context),
    ...sessionHandlers(context),
    ...roomHandlers(context),
    'state.get': async () => state(),
  };

  const dispatchCall = createDispatcher(handlers, (error): ApiError | null =>
    error instanceof StoreError ? { code: 'store', problem: error.problem } : null,
  );

  const lockAll = async (): Promise<void> => {
    closing = null;
    for (const course of courses.all()) runner.release(course.handle);
    if (courses.all().length === 0) return;
    await courses.closeAll();
    changed();
  };

  const lockIfIdle = async (): Promise<void> => {
    const minutes = store.getSettings().idleLockMinutes;
    if (minutes === null || runner.running() !== null) return;
    if (now() - lastActivity < minutes * 60_000) return;
    await lockAll();
  };
  const idleTimer = setInterval(() => {
    lockIfIdle().catch((error: unknown) => console.error('plenum: the idle lock failed', error));
  }, IDLE_CHECK_MS);
  idleTimer.unref?.();

  return {
    dispatch: (channel, args) => {
      // Any call is someone using Plenum (the playhead report too: a film is playing).
      lastActivity = now();
      return dispatchCall(channel, args);
    },
    events,
    state,
    resolveCourse: (handle) => courses.get(handle)?.file,
    setAudience: (presence) => {
      if (JSON.stringify(presence) === JSON.stringify(audience)) return;
      audience = presence;
      changed();
    },
    lockIfIdle,
    close: async () => {
      clearInterval(idleTimer);
      runner.close();
      await courses.closeAll();
      store.close();
    },
  };
}

/** Lists the demo course file under the title in its public header; returns null when there is none. */
async function listDemo(store: Store, path: string | undefined): Promise<CourseRecord | null> {
  if (!path) return null;
  try {
    const locked = await openCourseFile(path);
    const { course } = locked.header;
    await locked.close();
    return store.upsertCourseFile({ path, courseId: course.id, title: course.title, isDemo: true });
  } catch (error) {
    if (error instanceof CourseFileError) return null;
    throw error;
  }
}
