import { z } from 'zod';
import { lecturePlanSchema, MAX_STEP_MINUTES, type LecturePlan } from '../plan/plan-step';
import {
  chapterBefore,
  lectureRoute,
  routeChapters,
  stepAfterChapter,
  type LectureCourse,
} from './lecture-route';

const chapterIndex = z.number().int().min(0);
const millis = z.number().min(0);

/** The most minutes "+1 min" may add to one discussion (a whole lesson; a stuck clicker cannot grow it further). */
export const MAX_ADDED_MINUTES = 120;

/** Where the lecture is: before the film, the film playing or paused inside a chapter, discussing, or done. */
export const lecturePhaseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('playing'), chapter: chapterIndex }),
  /**
   * `atStart`: the film was sent to the chapter's start (previous, go to chapter), so a window seeks there even
   * when the chapter is the one already shown; a plain pause leaves the playhead where it is.
   */
  z.object({ kind: z.literal('paused'), chapter: chapterIndex, atStart: z.boolean().optional() }),
  z.object({
    kind: z.literal('discussing'),
    chapter: chapterIndex,
    promptIndex: z.number().int().min(0),
    /** When the discussion timer started counting (moved on by a resume, so paused time never counts). */
    since: millis,
    /** When the lecturer paused the discussion timer, or absent while it runs. */
    pausedAt: millis.optional(),
    /** Minutes the lecturer added to the planned length (+1 min). */
    addedMinutes: z.number().int().min(0).max(MAX_ADDED_MINUTES).optional(),
  }),
  /**
   * A planned break after chapter `after` (-1: before the first); `since` (ms) and `minutes` drive the
   * countdown the room sees. Anchored to the chapter rather than to a step number, so changing the plan
   * during the break cannot make "next" land somewhere unexpected.
   */
  z.object({
    kind: z.literal('break'),
    after: z.number().int().min(-1),
    minutes: z.number().min(0),
    since: millis,
    /** When the lecturer paused the break's countdown, or absent while it runs. */
    pausedAt: millis.optional(),
  }),
  z.object({ kind: z.literal('finished') }),
]);
/** Where the lecture is. */
export type LecturePhase = z.infer<typeof lecturePhaseSchema>;

/**
 * What covers the room's screen: black (B, a clicker's blank button), white (W, light for the room without the
 * picture) or the holding screen with the course title (H). The film pauses under a cover; `resume` says it was
 * playing, so taking the cover away plays on from where it stood.
 */
export const lectureCoverSchema = z.object({
  screen: z.enum(['black', 'white', 'holding']),
  resume: z.boolean(),
});
/** What covers the room's screen. */
export type LectureCover = z.infer<typeof lectureCoverSchema>;
/** The screens a cover can show. */
export type CoverScreen = LectureCover['screen'];

/** A link of a chapter (by index) shown large as a QR code on the room's screen. */
export const shownLinkSchema = z.object({ chapter: chapterIndex, link: z.number().int().min(0) });
/** A link shown on the room's screen. */
export type ShownLink = z.infer<typeof shownLinkSchema>;

/** A statement of a chapter (by index) replayed on the stage; the stage reports when its last frame shows. */
export const statementReplaySchema = z.object({
  chapter: chapterIndex,
  statement: z.number().int().min(0),
});
/** A statement being replayed. */
export type StatementReplayState = z.infer<typeof statementReplaySchema>;

/** Whether a discussion shows one prompt at a time (paged by the lecturer) or all of them. */
export const promptModeSchema = z.enum(['one', 'all']);
/** One prompt at a time, or all. */
export type PromptMode = z.infer<typeof promptModeSchema>;

/**
 * The lecture's state inside a session: one source of truth, held by main and mirrored by every window. The
 * playhead is not part of it: it changes several times a second and travels as its own event (see
 * `SessionState.position`), so it never bumps the revision.
 */
export interface LectureState {
  phase: LecturePhase;
  /** The room's screen is covered (black, white or the holding screen); any key brings the picture back. */
  blank: LectureCover | null;
  /** The class board is shown on the room's screen (over the discussion); the film playing hides it. */
  board: boolean;
  /** A link's QR code shown large on the room's screen (over the discussion), or null. */
  link: ShownLink | null;
  /** The course's notice is shown on the room's screen before the film (the lecturer chose to). */
  notice: boolean;
  /** A statement being replayed on the stage (the discussion view steps aside meanwhile), or null. */
  replay: StatementReplayState | null;
  /** The plan the lecture follows, or null for every chapter in film order. */
  plan: LecturePlan | null;
  promptMode: PromptMode;
  /** Increases with every change, so a window can drop a snapshot older than the one it shows. */
  revision: number;
}

/** What the reducer is told besides the command: main's clock (ms) and the playhead it holds (s). */
export interface LectureContext {
  now: number;
  position: number;
}

/** Within this many seconds of a chapter's start, "back" means the previous chapter (as a second press does). */
export const PREVIOUS_CHAPTER_WINDOW = 2;

/** Commands from people (keys, clicker, presenter) and reports from the player. */
export const lectureCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('toggle-play') }),
  z.object({ type: z.literal('next') }),
  // "Back": to this chapter's start, or to the previous chapter when the playhead main holds is near the start
  // already (a clicker's second press). The reducer decides, so every window and main's clicker agree.
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('go-to-chapter'), chapter: z.number().int().min(0) }),
  z.object({ type: z.literal('show-prompt'), promptIndex: z.number().int().min(0) }),
  // A clicker's prompt keys: the reducer pages from the prompt main holds, so two quick presses move twice.
  z.object({ type: z.literal('next-prompt') }),
  z.object({ type: z.literal('previous-prompt') }),
  z.object({ type: z.literal('set-prompt-mode'), mode: promptModeSchema }),
  // Covers the room's screen (black unless told otherwise); a second press of another cover switches to it.
  z.object({ type: z.literal('blank'), screen: lectureCoverSchema.shape.screen.optional() }),
  z.object({ type: z.literal('unblank') }),
  // The discussion's (or break's) timer, steered by the lecturer.
  z.object({ type: z.literal('pause-timer') }),
  z.object({ type: z.literal('resume-timer') }),
  z.object({ type: z.literal('reset-timer') }),
  z.object({ type: z.literal('add-minute') }),
  z.object({ type: z.literal('show-link'), chapter: chapterIndex, link: z.number().int().min(0) }),
  z.object({ type: z.literal('hide-link') }),
  z.object({ type: z.literal('show-notice') }),
  z.object({ type: z.literal('hide-notice') }),
  z.object({
    type: z.literal('replay-statement'),
    chapter: chapterIndex,
    statement: z.number().int().min(0),
  }),
  // The stage's report that the replayed statement's last frame shows (or that it could not play).
  z.object({ type: z.literal('replay-ended'), chapter: chapterIndex, statement: z.number().int().min(0) }),
  z.object({ type: z.literal('show-board') }),
  z.object({ type: z.literal('hide-board') }),
  z.object({ type: z.literal('chapter-ended'), chapter: z.number().int().min(0), at: z.number().min(0) }),
  z.object({ type: z.literal('set-plan'), plan: lecturePlanSchema.nullable() }),
  z.object({ type: z.literal('restart') }),
]);
/** A command or a player report. */
export type LectureCommand = z.infer<typeof lectureCommandSchema>;

/** The state a lecture starts in. */
export function initialLectureState(promptMode: PromptMode = 'one'): LectureState {
  return {
    phase: { kind: 'ready' },
    blank: null,
    board: false,
    link: null,
    notice: false,
    replay: null,
    plan: null,
    promptMode,
    revision: 0,
  };
}

/**
 * The lecture's rules as a pure reducer: `now` (ms) stamps when a discussion or break began, for the timers.
 * The way through the film is the plan's route (every chapter when there is none): "next" and the end of a
 * discussion go to the next planned chapter, skipping those left out, through any break planned between.
 * Commands that make no sense in the current phase leave the state as it is (a stray clicker press does
 * nothing).
 */
export function reduceLecture(
  state: LectureState,
  command: LectureCommand,
  course: LectureCourse,
  context: LectureContext,
): LectureState {
  const { now } = context;
  const last = course.chapters.length - 1;
  const route = lectureRoute(course, state.plan);
  const planned = routeChapters(route);
  // The film never plays under a cover, the board or a QR code: every way into `playing` (a button, not only a
  // key) clears them. The board and a shown link are a chapter's: going to another chapter takes them off too.
  // A replay belongs to the phase it was asked in: any other phase, or a cover, ends it.
  const samePlace = (phase: LecturePhase): boolean =>
    'chapter' in phase && 'chapter' in state.phase && phase.chapter === state.phase.chapter;
  const next = (phase: LecturePhase, extra: Partial<LectureState> = {}): LectureState => ({
    ...state,
    ...(samePlace(phase) ? {} : { board: false, link: null }),
    ...(samePlace(phase) && phase.kind === state.phase.kind ? {} : { replay: null }),
    ...extra,
    ...(phase.kind === 'playing' ? { blank: null, board: false, link: null } : {}),
    phase,
    revision: state.revision + 1,
  });
  const { phase } = state;
  switch (command.type) {
    case 'play':
      switch (phase.kind) {
        case 'ready': {
          const first = planned[0];
          return first === undefined ? state : next({ kind: 'playing', chapter: first });
        }
        case 'paused':
          return next({ kind: 'playing', chapter: phase.chapter });
        case 'discussing':
          return continueAfter(phase.chapter);
        case 'break':
          return afterBreak(phase.after);
        case 'playing':
        case 'finished':
          return state;
      }
    case 'pause':
      return phase.kind === 'playing' ? next({ kind: 'paused', chapter: phase.chapter }) : state;
    case 'toggle-play':
      return phase.kind === 'playing'
        ? next({ kind: 'paused', chapter: phase.chapter })
        : reduceLecture(state, { type: 'play' }, course, context);
    case 'next':
      switch (phase.kind) {
        case 'ready':
        case 'break':
          return reduceLecture(state, { type: 'play' }, course, context);
        case 'discussing':
          return continueAfter(phase.chapter);
        case 'playing':
        case 'paused': {
          // Skipping the rest of a chapter goes to the next planned one; breaks are for after discussions.
          const following = nextPlannedChapter(stepAfterChapter(route, phase.chapter));
          return following === null ? state : next({ kind: 'playing', chapter: following });
        }
        case 'finished':
          return state;
      }
    case 'previous':
      switch (phase.kind) {
        case 'ready':
          return state;
        case 'finished': {
          const final = planned.at(-1);
          return final === undefined ? state : next({ kind: 'paused', chapter: final, atStart: true });
        }
        case 'discussing':
          // From a discussion, back to the start of the chapter just discussed.
          return next({ kind: 'paused', chapter: phase.chapter, atStart: true });
        case 'break':
          return phase.after < 0 ? state : next({ kind: 'paused', chapter: phase.after, atStart: true });
        case 'playing':
        case 'paused': {
          // Back to the start of this chapter, or of the previous planned one when already at (near) this start.
          const start = course.chapters[phase.chapter]?.start ?? 0;
          const nearStart = isNearChapterStart(context.position, start);
          return next({
            kind: 'paused',
            chapter: nearStart ? (chapterBefore(route, phase.chapter) ?? phase.chapter) : phase.chapter,
            atStart: true,
          });
        }
      }
    case 'go-to-chapter':
      // Any chapter, planned or not: the lecturer may always show what the class asks about.
      return command.chapter > last
        ? state
        : next({ kind: 'paused', chapter: command.chapter, atStart: true });
    case 'show-prompt':
      return phase.kind === 'discussing' &&
        command.promptIndex < (course.chapters[phase.chapter]?.prompts ?? 0)
        ? next({ ...phase, promptIndex: command.promptIndex })
        : state;
    case 'next-prompt':
    case 'previous-prompt': {
      if (phase.kind !== 'discussing') return state;
      // From all prompts, either key goes back to the one the room had; else one step, never past the ends.
      if (state.promptMode === 'all') return next(phase, { promptMode: 'one' });
      const count = course.chapters[phase.chapter]?.prompts ?? 0;
      const target = phase.promptIndex + (command.type === 'next-prompt' ? 1 : -1);
      return target < 0 || target >= count ? state : next({ ...phase, promptIndex: target });
    }
    case 'set-prompt-mode':
      return command.mode === state.promptMode ? state : next(phase, { promptMode: command.mode });
    case 'blank': {
      const screen = command.screen ?? 'black';
      if (state.blank !== null) {
        return state.blank.screen === screen ? state : next(phase, { blank: { ...state.blank, screen } });
      }
      return phase.kind === 'playing'
        ? next({ kind: 'paused', chapter: phase.chapter }, { blank: { screen, resume: true }, replay: null })
        : next(phase, { blank: { screen, resume: false }, replay: null });
    }
    case 'unblank':
      if (state.blank === null) return state;
      // Back to what was there: the film plays on if the cover paused it (and nothing moved it since).
      return state.blank.resume && phase.kind === 'paused' && phase.atStart !== true
        ? next({ kind: 'playing', chapter: phase.chapter })
        : next(phase, { blank: null });
    case 'pause-timer':
      return (phase.kind === 'discussing' || phase.kind === 'break') && phase.pausedAt === undefined
        ? next({ ...phase, pausedAt: now })
        : state;
    case 'resume-timer': {
      if ((phase.kind !== 'discussing' && phase.kind !== 'break') || phase.pausedAt === undefined)
        return state;
      const { pausedAt, ...running } = phase;
      // The paused stretch moves the start on, so it never counts as time spent.
      return next({ ...running, since: running.since + Math.max(0, now - pausedAt) });
    }
    case 'reset-timer':
      return phase.kind === 'discussing' || phase.kind === 'break'
        ? next({ ...phase, since: now, ...(phase.pausedAt === undefined ? {} : { pausedAt: now }) })
        : state;
    case 'add-minute':
      switch (phase.kind) {
        case 'discussing': {
          const added = phase.addedMinutes ?? 0;
          return added >= MAX_ADDED_MINUTES ? state : next({ ...phase, addedMinutes: added + 1 });
        }
        case 'break':
          return phase.minutes >= MAX_STEP_MINUTES ? state : next({ ...phase, minutes: phase.minutes + 1 });
        case 'ready':
        case 'playing':
        case 'paused':
        case 'finished':
          return state;
      }
    case 'show-board':
      // The board belongs to a chapter: shown while one is under way or discussed (never over the film).
      return state.board || !('chapter' in phase) || phase.kind === 'playing'
        ? state
        : next(phase, { board: true, link: null });
    case 'hide-board':
      return state.board ? next(phase, { board: false }) : state;
    case 'show-link': {
      const links = course.chapters[command.chapter]?.links ?? 0;
      if (!('chapter' in phase) || phase.kind === 'playing' || command.link >= links) return state;
      const link = { chapter: command.chapter, link: command.link };
      return JSON.stringify(link) === JSON.stringify(state.link)
        ? state
        : next(phase, { link, board: false });
    }
    case 'hide-link':
      return state.link === null ? state : next(phase, { link: null });
    case 'show-notice':
      return phase.kind === 'ready' && !state.notice ? next(phase, { notice: true }) : state;
    case 'hide-notice':
      return state.notice ? next(phase, { notice: false }) : state;
    case 'replay-statement': {
      const statements = course.chapters[command.chapter]?.statements ?? 0;
      if (command.statement >= statements) return state;
      const replay = { chapter: command.chapter, statement: command.statement };
      switch (phase.kind) {
        case 'playing':
          // The chapter's stop is disarmed while the statement plays; the film then stands at its end.
          return next({ kind: 'paused', chapter: phase.chapter }, { replay, blank: null });
        case 'paused':
          // The film stands where the statement ends afterwards, not sent back to the chapter's start.
          return next({ kind: 'paused', chapter: phase.chapter }, { replay, blank: null });
        case 'discussing':
          return next(phase, { replay, blank: null });
        case 'ready':
        case 'break':
        case 'finished':
          return state;
      }
    }
    case 'replay-ended':
      return state.replay?.chapter === command.chapter && state.replay.statement === command.statement
        ? next(phase, { replay: null })
        : state;
    case 'chapter-ended': {
      if (phase.kind !== 'playing' || phase.chapter !== command.chapter) return state;
      const pauses = course.chapters[command.chapter]?.pause ?? true;
      if (pauses) return next({ kind: 'discussing', chapter: command.chapter, promptIndex: 0, since: now });
      return continueAfter(command.chapter);
    }
    case 'set-plan':
      return JSON.stringify(command.plan) === JSON.stringify(state.plan)
        ? state
        : next(phase, { plan: command.plan });
    case 'restart':
      // The plan and the prompt mode belong to the session, not to one pass of the film.
      return { ...initialLectureState(state.promptMode), plan: state.plan, revision: state.revision + 1 };
  }

  /** The first planned chapter at or after route step `from`, or null. */
  function nextPlannedChapter(from: number): number | null {
    for (const step of route.slice(from)) if (step.kind === 'chapter') return step.chapter;
    return null;
  }

  /** After a chapter (discussed or not): the breaks planned next, else the next planned chapter, else the end. */
  function continueAfter(chapter: number): LectureState {
    const start = stepAfterChapter(route, chapter);
    let minutes = 0;
    let breaks = 0;
    for (const step of route.slice(start)) {
      if (step.kind !== 'break') break;
      breaks += 1;
      minutes += step.minutes;
    }
    if (breaks > 0) return next({ kind: 'break', after: chapter, minutes, since: now });
    const following = nextPlannedChapter(start);
    return next(following === null ? { kind: 'finished' } : { kind: 'playing', chapter: following });
  }

  /** The end of a break: the next planned chapter after the one the break followed, or the end. */
  function afterBreak(after: number): LectureState {
    const following = nextPlannedChapter(after < 0 ? 0 : stepAfterChapter(route, after));
    return next(following === null ? { kind: 'finished' } : { kind: 'playing', chapter: following });
  }
}

/** Whether "back" at this playhead should go to the previous chapter rather than this one's start. */
export function isNearChapterStart(time: number, chapterStart: number): boolean {
  return time - chapterStart < PREVIOUS_CHAPTER_WINDOW;
}
