import { courseManifestSchema, type CourseManifest } from '../../common/course/manifest';
import type { ApiError, ApiResult } from '../../common/ipc/api-error';
import type { AppInfo, AudiencePresence, StageState, UnlockedCourse } from '../../common/ipc/contract';
import type { CourseRecord } from '../../common/ipc/api-types';
import { accrueChapterTime } from '../../common/lecture/chapter-times';
import { lectureCourseOf } from '../../common/lecture/lecture-course';
import { initialLectureState, reduceLecture, type LectureState } from '../../common/lecture/lecture-state';
import { CourseFileError, openCourseFile, unlockCourseFile } from '../course-file';
import { MANIFEST_ENTRY } from '../packer/pack-course';
import type { Store } from '../store';
import { StoreError } from '../store';
import { CourseRegistry, type OpenCourse } from './course-registry';
import { createDispatcher, type ApiHandlers } from './dispatcher';
import { ServiceError } from './service-error';
import { ServiceEvents } from './service-events';

/** How often the running phase's time is saved while it lasts (a crash loses at most this much of it). */
export const TIMING_FLUSH_MS = 30_000;

/** What the service needs from its host (Electron's main, or the loopback host). */
export interface ServiceDeps {
  store: Store;
  version: string;
  /** The demo course file, listed in the library from the start, if it exists. */
  demo: { path: string; password: string } | null;
  /** The URL prefix under which a course's entries are served, for the window. */
  mediaBase: (handle: string) => string;
  /** A native file dialog (Electron); absent in the loopback host, where a path is typed. */
  pickFile?: () => Promise<string | null>;
  /** Opens an https link in the system browser (Electron's shell); absent in the loopback host. */
  openExternal?: (url: string) => Promise<void>;
  /** Called when a lecture starts or stops running, e.g. to keep the display awake. */
  onLectureActive?: (active: boolean) => void;
  /**
   * Electron's audience window (placed on the projector by main); absent in the loopback host, where the
   * presenter opens a second page instead. Either way the shell reports presence through `setAudience`.
   */
  audienceWindow?: { show(): void; hide(): void };
  now?: () => number;
  /** How often a running phase's time is saved; TIMING_FLUSH_MS unless a test needs it sooner. */
  timingFlushMs?: number;
}

/** The running service: the API's one entry point, its events, and the unlocked courses for the media handler. */
export interface PlenumService {
  dispatch(channel: string, args: unknown): Promise<ApiResult<unknown>>;
  events: ServiceEvents;
  resolveCourse(handle: string): OpenCourse['file'] | undefined;
  /** The shell says whether an audience window shows the stage (opened, closed, moved, display unplugged). */
  setAudience(presence: AudiencePresence): void;
  close(): Promise<void>;
}

/** The use cases behind the API contract, independent of Electron. */
export function createPlenumService(deps: ServiceDeps): PlenumService {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const courses = new CourseRegistry();
  const events = new ServiceEvents();
  // The demo is listed from the start with the title its public header gives; a missing demo is skipped.
  const demoListed = listDemo(store, deps.demo?.path);

  const opened = (handle: string): OpenCourse => {
    const course = courses.get(handle);
    if (!course) throw new ServiceError({ code: 'course-locked' });
    return course;
  };
  const libraryChanged = () => events.emit('library.changed', { entries: store.listCourseFiles() });
  const lectureActive = () => {
    const active = [...allOpen()].some(({ lecture }) => lecture.phase.kind === 'playing');
    deps.onLectureActive?.(active);
  };
  const openHandles = new Set<string>();
  function* allOpen(): Generator<OpenCourse> {
    for (const handle of openHandles) {
      const course = courses.get(handle);
      if (course) yield course;
    }
  }

  // What is on stage: one course at a time (the presenter's), and whether an audience window shows it.
  let stage: { handle: string | null; audience: AudiencePresence; revision: number } = {
    handle: null,
    audience: { kind: 'absent' },
    revision: 0,
  };
  const stageState = (): StageState => {
    const course = stage.handle === null ? undefined : courses.get(stage.handle);
    return {
      course: course ? unlockedView(course) : null,
      audience: stage.audience,
      revision: stage.revision,
    };
  };
  const stageChanged = (): StageState => {
    stage = { ...stage, revision: stage.revision + 1 };
    const state = stageState();
    events.emit('stage.state', state);
    return state;
  };

  /**
   * Moves a lecture to its next state: the time spent in the phase it leaves goes to the running session's
   * chapter (saved at once), then every window hears of the change.
   */
  const changeLecture = (course: OpenCourse, next: LectureState): void => {
    recordTime(course);
    course.lecture = next;
    events.emit('lecture.state', { handle: course.handle, state: next });
    lectureActive();
  };
  const recordTime = (course: OpenCourse): void => {
    const at = now();
    const { session, phase } = course.lecture;
    const gained = accrueChapterTime(course.timing.totals, phase, course.timing.since, at);
    course.timing.since = at;
    if (session === null || gained === null) return;
    course.timing.totals.set(gained.chapter, gained.time);
    const chapterId = course.manifest.chapters[gained.chapter]?.id;
    if (chapterId === undefined) return;
    try {
      store.recordChapter(session.id, { chapterId, ...gained.time });
    } catch (error) {
      // A timing that cannot be saved (disk full) must not stop the lecture; the totals stay in memory and
      // the next change writes them again.
      console.error('plenum: a session timing could not be saved', error);
    }
  };
  /**
   * Saves the running session's last times, marks it ended and detaches it from the lecture (so nothing later
   * is counted against it). A store failure here is logged, never thrown: locking a course or quitting must
   * not fail because a timing could not be written.
   */
  const endSession = (course: OpenCourse): void => {
    const { session } = course.lecture;
    if (session === null) return;
    recordTime(course);
    course.lecture = { ...course.lecture, session: null };
    try {
      store.endSession(session.id);
    } catch (error) {
      console.error('plenum: a session could not be ended', error);
    }
  };
  // The time of the phase under way is saved now and then too, not only when the phase changes: a laptop
  // that dies forty minutes into a discussion keeps all but the last half minute of it.
  const flushTimer = setInterval(() => {
    for (const course of allOpen()) if (course.lecture.session !== null) recordTime(course);
  }, deps.timingFlushMs ?? TIMING_FLUSH_MS);
  flushTimer.unref?.();

  const handlers: ApiHandlers = {
    'app.info': async (): Promise<AppInfo> => ({
      version: deps.version,
      demo: deps.demo,
      canPickFiles: deps.pickFile !== undefined,
      audienceWindow: deps.audienceWindow ? 'native' : 'page',
    }),
    'library.list': async () => {
      await demoListed;
      return store.listCourseFiles();
    },
    'library.add': async ({ path }) => {
      const locked = await openCourseFile(path);
      const { course } = locked.header;
      await locked.close();
      const record = store.upsertCourseFile({
        path,
        courseId: course.id,
        title: course.title,
        isDemo: false,
      });
      libraryChanged();
      return record;
    },
    'library.remove': async ({ id }) => {
      if (!store.removeCourseFile(id)) throw new ServiceError({ code: 'not-found', what: 'library-entry' });
      libraryChanged();
      return null;
    },
    'library.pickFile': async () => (deps.pickFile ? deps.pickFile() : null),
    'course.unlock': async ({ path, password }): Promise<UnlockedCourse> => {
      const file = await unlockCourseFile(path, password);
      let manifest: CourseManifest;
      try {
        manifest = readManifest(await file.readAll(MANIFEST_ENTRY));
      } catch (error) {
        await file.close();
        throw error;
      }
      const settings = store.getSettings();
      const lecture = { ...initialLectureState(settings.promptMode), plan: chosenPlan(manifest.id) };
      const course = courses.add({
        path,
        file,
        manifest,
        lecture,
        timing: { since: now(), totals: new Map() },
      });
      openHandles.add(course.handle);
      const isDemo = deps.demo?.path === path;
      const record = store.upsertCourseFile({ path, courseId: manifest.id, title: manifest.title, isDemo });
      store.touchCourseFile(record.id);
      libraryChanged();
      return unlockedView(course);
    },
    'course.lock': async ({ handle }) => {
      const course = courses.get(handle);
      if (course) endSession(course);
      openHandles.delete(handle);
      await courses.remove(handle);
      lectureActive();
      if (stage.handle === handle) {
        stage = { ...stage, handle: null };
        stageChanged();
      }
      return null;
    },
    'course.manifest': async ({ handle }) => opened(handle).manifest,
    'lecture.state': async ({ handle }) => opened(handle).lecture,
    'lecture.command': async ({ handle, command }) => {
      const course = opened(handle);
      const next = reduceLecture(course.lecture, command, lectureCourseOf(course.manifest), now());
      if (next !== course.lecture) changeLecture(course, next);
      // The prompt mode is also the user's preference for the next lecture; failing to remember it is no
      // reason to fail the command (the lecture has already changed).
      if (command.type === 'set-prompt-mode' && next.promptMode !== store.getSettings().promptMode)
        rememberSettings({ promptMode: next.promptMode });
      // The chosen plan likewise: the course opens following it next time.
      if (command.type === 'set-plan') {
        const { [course.manifest.id]: _previous, ...others } = store.getSettings().planByCourse;
        const id = command.plan?.id ?? null;
        rememberSettings({ planByCourse: id === null ? others : { ...others, [course.manifest.id]: id } });
      }
      return next;
    },
    'lecture.position': async ({ handle, seconds }) => {
      const course = opened(handle);
      course.lecture = { ...course.lecture, position: seconds };
      events.emit('lecture.position', { handle, seconds });
      return null;
    },
    'lecture.session': async ({ handle, kind }) => {
      const course = opened(handle);
      endSession(course);
      let session: LectureState['session'] = null;
      if (kind !== null) {
        const planId = course.lecture.plan?.id ?? null;
        const start = { courseId: course.manifest.id, kind };
        // A plan deleted meanwhile is no reason to refuse timing: the session is then kept without it.
        const record =
          store.startSession({ ...start, planId }) ?? store.startSession({ ...start, planId: null });
        if (record === null) throw new ServiceError({ code: 'internal' });
        course.timing.totals = new Map();
        session = { id: record.id, kind, startedAt: now() };
      }
      changeLecture(course, { ...course.lecture, session, revision: course.lecture.revision + 1 });
      return course.lecture;
    },
    'stage.state': async () => stageState(),
    'stage.present': async ({ handle }) => {
      if (handle !== null) opened(handle);
      if (stage.handle === handle) return stageState();
      stage = { ...stage, handle };
      return stageChanged();
    },
    'stage.audience': async ({ show }) => {
      if (!deps.audienceWindow) throw new ServiceError({ code: 'forbidden' });
      if (show) deps.audienceWindow.show();
      else deps.audienceWindow.hide();
      return stageState();
    },
    'plans.list': async ({ courseId }) => store.listPlans(courseId),
    'plans.save': async (plan) => {
      const saved = store.savePlan(plan);
      if (!saved) throw new ServiceError({ code: 'not-found', what: 'plan' });
      return saved;
    },
    'plans.remove': async ({ id }) => {
      if (!store.removePlan(id)) throw new ServiceError({ code: 'not-found', what: 'plan' });
      return null;
    },
    'notes.list': async ({ courseId }) => store.listNotes(courseId),
    'notes.save': async (note) => store.saveNote(note),
    'sessions.start': async (start) => {
      const session = store.startSession(start);
      if (!session) throw new ServiceError({ code: 'not-found', what: 'plan' });
      return session;
    },
    'sessions.recordChapter': async ({ sessionId, ...timing }) => {
      if (!store.recordChapter(sessionId, timing))
        throw new ServiceError({ code: 'not-found', what: 'session' });
      return null;
    },
    'sessions.end': async ({ sessionId }) => {
      const session = store.endSession(sessionId);
      if (!session) throw new ServiceError({ code: 'not-found', what: 'session' });
      return session;
    },
    'sessions.list': async ({ courseId }) => store.listSessions(courseId),
    'settings.get': async () => store.getSettings(),
    'settings.update': async (partial) => {
      const settings = store.updateSettings(partial);
      // The playhead saved for resuming changes every few seconds and concerns no other window.
      if (Object.keys(partial).some((key) => key !== 'lastPosition'))
        events.emit('settings.changed', settings);
      return settings;
    },
    'shell.openLink': async ({ url }) => {
      if (!deps.openExternal) throw new ServiceError({ code: 'forbidden' });
      await deps.openExternal(url);
      return null;
    },
  };

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
      lecture: course.lecture,
    };
  }

  /** The stored plan last chosen for a course, as the lecture follows it; null when none (or it was deleted). */
  function chosenPlan(courseId: string): LectureState['plan'] {
    const id = store.getSettings().planByCourse[courseId];
    const plan = id === undefined ? undefined : store.listPlans(courseId).find((stored) => stored.id === id);
    return plan === undefined
      ? null
      : { id: plan.id, name: plan.name, steps: plan.steps, budgetMinutes: plan.budgetMinutes };
  }

  function rememberSettings(partial: Parameters<Store['updateSettings']>[0]): void {
    try {
      events.emit('settings.changed', store.updateSettings(partial));
    } catch (error) {
      console.error('plenum: a setting could not be saved', error);
    }
  }

  const dispatch = createDispatcher(handlers, (error): ApiError | null =>
    error instanceof StoreError ? { code: 'store', problem: error.problem } : null,
  );

  return {
    dispatch,
    events,
    resolveCourse: (handle) => courses.get(handle)?.file,
    setAudience: (presence) => {
      if (JSON.stringify(presence) === JSON.stringify(stage.audience)) return;
      stage = { ...stage, audience: presence };
      stageChanged();
    },
    close: async () => {
      clearInterval(flushTimer);
      for (const course of allOpen()) endSession(course);
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
