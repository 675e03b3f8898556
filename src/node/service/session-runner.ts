import { accrueChapterTime, type ChapterTime } from '../../common/lecture/chapter-times';
import { lectureCourseOf } from '../../common/lecture/lecture-course';
import { phaseChapter } from '../../common/lecture/phase-chapter';
import type { LectureCourse } from '../../common/lecture/lecture-route';
import {
  initialLectureState,
  reduceLecture,
  type LecturePhase,
  type LectureState,
  type PromptMode,
} from '../../common/lecture/lecture-state';
import type { LecturePlan } from '../../common/plan/plan-step';
import {
  clockElapsedMs,
  pauseClock,
  runClock,
  type SessionCommand,
  type SessionKind,
  type SessionState,
  type SessionView,
  type UnfinishedSession,
} from '../../common/session/session-state';
import type { SavedSession, SessionSnapshot, Store } from '../store';
import type { OpenCourse } from './course-registry';
import { ServiceError } from './service-error';

/** How often a running session's playhead, clock and chapter times are saved (a crash loses at most this). */
export const SESSION_SAVE_MS = 5_000;

/** What the runner needs: the store, main's clock, and where to say that something changed. */
export interface SessionRunnerDeps {
  store: Store;
  now: () => number;
  /** A session changed in a way every window must see (a new snapshot with a higher revision). */
  onChange: () => void;
  /** The running session's playhead moved (no revision). */
  onPosition: (sessionId: number, seconds: number) => void;
  /** How often a running session is saved; SESSION_SAVE_MS unless a test needs it sooner. */
  saveEveryMs?: number;
  log?: (message: string, details?: unknown) => void;
}

/** A session held in memory: its state, its course, and the bookkeeping for its chapter times. */
interface HeldSession {
  state: SessionState;
  course: OpenCourse;
  lectureCourse: LectureCourse;
  /** Each chapter's time so far, by chapter index, in the order the chapters were first reached. */
  totals: Map<number, ChapterTime>;
  /** Since when (ms) the current phase's time is counted; null while the session is not on stage. */
  countingSince: number | null;
  /**
   * The course's plan this session last took over, so coming back to it keeps a re-plan made during it
   * (one click on a suggestion) unless the course's plan changed meanwhile; absent when not known (a session
   * continued from the store), and then the course's plan is followed.
   */
  followed?: LecturePlan | null;
}

/** How a session is begun: on which course, of which kind, in which view, and whether to start afresh. */
export interface BeginRequest {
  course: OpenCourse;
  kind: SessionKind;
  view: SessionView;
  fresh: boolean;
  promptMode: PromptMode;
}

/**
 * Runs sessions: the unit a lecture or rehearsal is held in. At most one session is on stage (the running
 * one, which every window shows and every command moves); others begun in this run stay held in memory
 * with their clocks running until they are ended or their course is locked, so leaving for the overview
 * and coming back never resets anything. Every change of phase, prompt or plan is saved at once, the
 * playhead and the clock at least every SESSION_SAVE_MS, each save one small transaction; an unfinished
 * session found in the store (after a crash, or a lock) is continued where it was saved.
 */
export class SessionRunner {
  private readonly held = new Map<string, HeldSession>();
  private runningKey: string | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly log: NonNullable<SessionRunnerDeps['log']>;

  constructor(private readonly deps: SessionRunnerDeps) {
    this.log = deps.log ?? ((message, details) => console.error(`plenum: ${message}`, details ?? ''));
    this.timer = setInterval(() => this.saveRunning(), deps.saveEveryMs ?? SESSION_SAVE_MS);
    this.timer.unref?.();
  }

  /** The session on stage, or null. */
  running(): SessionState | null {
    return this.current()?.state ?? null;
  }

  /**
   * Puts a session of that kind on stage: the one already held, else the unfinished one in the store, else a
   * new one (`fresh` ends any of those first). It follows the course's chosen plan; a finished film starts a
   * new pass, and the film view starts playing at once unless the course has a notice to show first.
   */
  begin(request: BeginRequest): SessionState {
    const { course, kind, view } = request;
    const key = keyOf(course.handle, kind);
    const now = this.deps.now();
    if (request.fresh) this.endHeldOrStored(key, course, kind);
    if (this.runningKey !== null && this.runningKey !== key) this.leave();
    const held = this.held.get(key);
    if (held !== undefined) held.state = { ...held.state, continued: true };
    let session = held ?? this.continueStored(course, kind, now);
    if (session === undefined) session = this.startNew(course, kind, view, request.promptMode, now);
    this.held.set(key, session);
    this.runningKey = key;
    session.countingSince = now;
    let lecture = session.state.lecture;
    const known = session.followed;
    if (known === undefined ? !samePlan(lecture.plan, course.plan) : !samePlan(known, course.plan))
      lecture = this.reduce(session, lecture, { type: 'set-plan', plan: course.plan });
    session.followed = course.plan;
    if (lecture.phase.kind === 'finished') lecture = this.reduce(session, lecture, { type: 'restart' });
    if (view === 'film' && lecture.phase.kind === 'ready' && course.manifest.notice === undefined)
      lecture = this.reduce(session, lecture, { type: 'play' });
    session.state = { ...session.state, view, lecture };
    this.save(session);
    this.deps.onChange();
    return session.state;
  }

  /** Carries out a command on the running session; throws no-session when none runs. */
  command(command: SessionCommand): SessionState {
    const session = this.current();
    if (session === undefined) throw new ServiceError({ code: 'no-session' });
    const now = this.deps.now();
    // Two kinds of command, not one per type: the clock's two are handled here, every other goes to the reducer.
    if (command.type === 'pause-clock' || command.type === 'resume-clock') {
      const clock =
        command.type === 'pause-clock'
          ? pauseClock(session.state.clock, now)
          : runClock(session.state.clock, now);
      if (clock === session.state.clock) return session.state;
      session.state = { ...session.state, clock };
    } else {
      const next = this.reduce(session, session.state.lecture, command);
      if (next === session.state.lecture) return session.state;
      this.changeLecture(session, next);
    }
    this.save(session);
    this.deps.onChange();
    return session.state;
  }

  /**
   * Replaces one chapter's class board entries in the running session: committed before it returns (the
   * console sends the list as it is typed), then every window sees it.
   */
  setBoard(chapterId: string, entries: readonly string[]): SessionState {
    const session = this.current();
    if (session === undefined) throw new ServiceError({ code: 'no-session' });
    if (!session.course.manifest.chapters.some((chapter) => chapter.id === chapterId))
      throw new ServiceError({ code: 'not-found', what: 'chapter' });
    this.deps.store.saveBoard(session.state.id, chapterId, entries);
    const kept = this.deps.store.boardOf(session.state.id)[chapterId] ?? [];
    const { [chapterId]: _previous, ...others } = session.state.board;
    session.state = {
      ...session.state,
      board: kept.length === 0 ? others : { ...others, [chapterId]: kept },
    };
    this.deps.onChange();
    return session.state;
  }

  /** The playing window's playhead: kept, broadcast, and saved with the next periodic save. */
  position(seconds: number): void {
    const session = this.current();
    if (session === undefined) throw new ServiceError({ code: 'no-session' });
    this.movePlayhead(session, seconds);
  }

  /** The running session leaves the stage (the film pauses); it stays held, unfinished, its clock running. */
  leave(): void {
    const session = this.current();
    if (session === undefined) return;
    if (session.state.lecture.phase.kind === 'playing') {
      const paused = this.reduce(session, session.state.lecture, { type: 'pause' });
      this.changeLecture(session, paused);
    } else this.countTime(session);
    session.countingSince = null;
    this.runningKey = null;
    this.save(session);
    this.deps.onChange();
  }

  /** Ends the running session for good; throws no-session when none runs. */
  end(): void {
    const key = this.runningKey;
    const session = this.current();
    if (key === null || session === undefined) throw new ServiceError({ code: 'no-session' });
    this.countTime(session);
    this.save(session);
    this.deps.store.endSession(session.state.id);
    this.held.delete(key);
    this.runningKey = null;
    this.deps.onChange();
  }

  /** The course's plan changed: the running session of that course follows it at once. */
  followPlan(course: OpenCourse): void {
    const session = this.current();
    if (session === undefined || session.course.handle !== course.handle) return;
    session.followed = course.plan;
    const next = this.reduce(session, session.state.lecture, { type: 'set-plan', plan: course.plan });
    if (next === session.state.lecture) return;
    this.changeLecture(session, next);
    this.save(session);
    this.deps.onChange();
  }

  /**
   * Lets go of a course's sessions (it is being locked): each is saved and stays unfinished in the store, to
   * be continued after the next unlock. Its clock does not run meanwhile.
   */
  release(handle: string): void {
    let changed = false;
    for (const [key, session] of this.held) {
      if (session.course.handle !== handle) continue;
      if (key === this.runningKey) this.leave();
      this.saveWith(session, pauseClock(session.state.clock, this.deps.now()));
      this.held.delete(key);
      changed = true;
    }
    if (changed) this.deps.onChange();
  }

  /**
   * Forgets a session that is being deleted from the log (a held one would otherwise be saved again).
   * Returns false for the running session, which cannot be deleted.
   */
  forget(id: number): boolean {
    for (const [key, session] of this.held) {
      if (session.state.id !== id) continue;
      if (key === this.runningKey) return false;
      this.held.delete(key);
    }
    return true;
  }

  /** Saves every held session and stops the periodic save (the app quits). */
  close(): void {
    clearInterval(this.timer);
    for (const handle of new Set([...this.held.values()].map((session) => session.course.handle)))
      this.release(handle);
  }

  /** The course's sessions left unfinished (held here, or saved by an earlier run), the running one aside. */
  unfinished(course: OpenCourse): UnfinishedSession[] {
    const kinds: readonly SessionKind[] = ['lecture', 'rehearsal'];
    return kinds.flatMap((kind): UnfinishedSession[] => {
      const key = keyOf(course.handle, kind);
      if (key === this.runningKey) return [];
      const held = this.held.get(key);
      if (held !== undefined)
        return [{ kind, startedAt: held.state.startedAt, chapter: phaseChapter(held.state.lecture.phase) }];
      const saved = this.deps.store.findUnfinishedSession(course.manifest.id, kind);
      return saved === null
        ? []
        : [
            {
              kind,
              startedAt: Date.parse(saved.record.startedAt),
              chapter: phaseChapter(saved.snapshot.lecture.phase),
            },
          ];
    });
  }

  private current(): HeldSession | undefined {
    return this.runningKey === null ? undefined : this.held.get(this.runningKey);
  }

  private reduce(
    session: HeldSession,
    lecture: LectureState,
    command: Parameters<typeof reduceLecture>[1],
  ): LectureState {
    return reduceLecture(lecture, command, session.lectureCourse, {
      now: this.deps.now(),
      position: session.state.position,
    });
  }

  /**
   * Moves the session's lecture on: the time of the phase it leaves goes to its chapter, and the playhead
   * follows a jump at once (to a chapter's start, or to where a chapter ended), so a second "back" that
   * comes before the window's next report still sees it.
   */
  private changeLecture(session: HeldSession, next: LectureState): void {
    this.countTime(session);
    session.state = { ...session.state, lecture: next };
    const jumpedTo = playheadAfter(next.phase, session.course);
    if (jumpedTo !== null) this.movePlayhead(session, jumpedTo);
  }

  private movePlayhead(session: HeldSession, seconds: number): void {
    if (seconds === session.state.position) return;
    session.state = { ...session.state, position: seconds };
    this.deps.onPosition(session.state.id, seconds);
  }

  /** Adds the time since the last count to the current phase's chapter (only while on stage). */
  private countTime(session: HeldSession): void {
    const at = this.deps.now();
    if (session.countingSince === null) return;
    const gained = accrueChapterTime(session.totals, session.state.lecture.phase, session.countingSince, at);
    session.countingSince = at;
    if (gained === null) return;
    session.totals.set(gained.chapter, gained.time);
    session.state = { ...session.state, timings: timingsOf(session) };
  }

  private saveRunning(): void {
    const session = this.current();
    if (session === undefined) return;
    this.countTime(session);
    this.save(session);
  }

  private save(session: HeldSession): void {
    this.saveWith(session, session.state.clock);
  }

  /**
   * One small transaction: the snapshot and every chapter's times. A failed save (disk full) must not stop
   * the lecture: it is logged, memory keeps everything, and the next save writes it all again.
   */
  private saveWith(session: HeldSession, clock: SessionState['clock']): void {
    const now = this.deps.now();
    const snapshot: SessionSnapshot = {
      view: session.state.view,
      lecture: session.state.lecture,
      position: session.state.position,
      clockMs: clockElapsedMs(clock, now),
      clockRunning: clock.runningSince !== null,
      savedAt: now,
    };
    try {
      this.deps.store.saveSession(session.state.id, snapshot, session.state.timings);
    } catch (error) {
      this.log('a session could not be saved', error);
    }
  }

  private endHeldOrStored(key: string, course: OpenCourse, kind: SessionKind): void {
    const held = this.held.get(key);
    if (held !== undefined) {
      if (this.runningKey === key) {
        this.countTime(held);
        this.runningKey = null;
      }
      this.save(held);
      this.held.delete(key);
      this.deps.store.endSession(held.state.id);
      return;
    }
    const stored = this.deps.store.findUnfinishedSession(course.manifest.id, kind);
    if (stored !== null) this.deps.store.endSession(stored.record.id);
  }

  /**
   * The unfinished session of that kind in the store, continued: its timers are moved on by the time no
   * Plenum held it, so neither a discussion timer nor a break's countdown counts a crash or a locked course.
   */
  private continueStored(course: OpenCourse, kind: SessionKind, now: number): HeldSession | undefined {
    const saved = this.deps.store.findUnfinishedSession(course.manifest.id, kind);
    if (saved === null) return undefined;
    const lectureCourse = lectureCourseOf(course.manifest);
    const away = Math.max(0, now - saved.snapshot.savedAt);
    const lecture = { ...saved.snapshot.lecture, phase: shiftPhase(saved.snapshot.lecture.phase, away) };
    const totals = totalsOf(saved, course);
    const session: HeldSession = {
      course,
      lectureCourse,
      totals,
      countingSince: null,
      state: {
        id: saved.record.id,
        kind,
        view: saved.snapshot.view,
        handle: course.handle,
        courseId: course.manifest.id,
        startedAt: Date.parse(saved.record.startedAt),
        clock: {
          accumulatedMs: saved.snapshot.clockMs,
          runningSince: saved.snapshot.clockRunning ? now : null,
        },
        lecture: validLecture(lecture, lectureCourse),
        position: saved.snapshot.position,
        timings: [],
        board: this.deps.store.boardOf(saved.record.id),
        continued: true,
      },
    };
    session.state = { ...session.state, timings: timingsOf(session) };
    return session;
  }

  private startNew(
    course: OpenCourse,
    kind: SessionKind,
    view: SessionView,
    promptMode: PromptMode,
    now: number,
  ): HeldSession {
    const lecture: LectureState = { ...initialLectureState(promptMode), plan: course.plan };
    const snapshot: SessionSnapshot = {
      view,
      lecture,
      position: 0,
      clockMs: 0,
      clockRunning: true,
      savedAt: now,
    };
    const { manifest } = course;
    const chapters = manifest.chapters.map(({ id, title, minutes }) => ({
      id,
      title,
      minutes: minutes ?? null,
    }));
    const start = { courseId: manifest.id, kind, snapshot, courseTitle: manifest.title, chapters };
    // A plan deleted meanwhile is no reason to refuse the session: it is then kept without a plan id.
    const record =
      this.deps.store.startSession({ ...start, planId: course.plan?.id ?? null }) ??
      this.deps.store.startSession({ ...start, planId: null });
    if (record === null) throw new ServiceError({ code: 'internal' });
    return {
      course,
      lectureCourse: lectureCourseOf(course.manifest),
      totals: new Map(),
      countingSince: null,
      state: {
        id: record.id,
        kind,
        view,
        handle: course.handle,
        courseId: course.manifest.id,
        // The store's start time is the one every later run reads back, so it is the one shown.
        startedAt: Date.parse(record.startedAt),
        clock: { accumulatedMs: 0, runningSince: now },
        lecture,
        position: 0,
        timings: [],
        board: {},
        continued: false,
      },
    };
  }
}

function keyOf(handle: string, kind: SessionKind): string {
  return `${handle}:${kind}`;
}

function samePlan(a: LecturePlan | null, b: LecturePlan | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where the playhead is after a phase change that moves the film by itself, or null when it stays. */
function playheadAfter(phase: LecturePhase, course: OpenCourse): number | null {
  switch (phase.kind) {
    case 'paused':
      return phase.atStart === true ? (course.manifest.chapters[phase.chapter]?.start ?? null) : null;
    case 'discussing':
      return course.manifest.chapters[phase.chapter]?.end ?? null;
    case 'ready':
      return course.manifest.chapters[0]?.start ?? 0;
    case 'playing':
    case 'break':
    case 'finished':
      return null;
  }
}

/** A phase whose timers started `by` ms later (the time nobody held the session). */
function shiftPhase(phase: LecturePhase, by: number): LecturePhase {
  switch (phase.kind) {
    case 'discussing':
    case 'break':
      // A paused timer stays paused at the same reading: both ends of its span move.
      return {
        ...phase,
        since: phase.since + by,
        ...(phase.pausedAt === undefined ? {} : { pausedAt: phase.pausedAt + by }),
      };
    case 'ready':
    case 'playing':
    case 'paused':
    case 'finished':
      return phase;
  }
}

/** A saved state whose chapter no longer exists (the course file was replaced) starts from the beginning. */
function validLecture(lecture: LectureState, course: LectureCourse): LectureState {
  const { phase } = lecture;
  const chapter = 'chapter' in phase ? phase.chapter : phase.kind === 'break' ? phase.after : 0;
  if (chapter < course.chapters.length) return lecture;
  return { ...initialLectureState(lecture.promptMode), plan: lecture.plan, revision: lecture.revision + 1 };
}

function totalsOf(saved: SavedSession, course: OpenCourse): Map<number, ChapterTime> {
  const indexById = new Map(course.manifest.chapters.map((chapter, index) => [chapter.id, index]));
  const totals = new Map<number, ChapterTime>();
  for (const timing of saved.record.timings) {
    const index = indexById.get(timing.chapterId);
    if (index !== undefined)
      totals.set(index, { filmSeconds: timing.filmSeconds, discussionSeconds: timing.discussionSeconds });
  }
  return totals;
}

function timingsOf(session: HeldSession): SessionState['timings'] {
  const chapters = session.course.manifest.chapters;
  return [...session.totals].flatMap(([index, time]) => {
    const chapter = chapters[index];
    return chapter === undefined ? [] : [{ chapterId: chapter.id, ...time }];
  });
}
