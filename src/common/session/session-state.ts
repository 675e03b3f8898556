import { z } from 'zod';
import type { ChapterTime } from '../lecture/chapter-times';
import { lectureCommandSchema, type LectureState } from '../lecture/lecture-state';

/** A lecture in front of a class, or a rehearsal at home: each kind has its own state and never moves the other. */
export const sessionKindSchema = z.enum(['lecture', 'rehearsal']);
/** The kind of a session. */
export type SessionKind = z.infer<typeof sessionKindSchema>;

/** How the session is run: the film in one window, or the presenter view (with an audience window or preview). */
export const sessionViewSchema = z.enum(['film', 'presenter']);
/** How the session is run. */
export type SessionView = z.infer<typeof sessionViewSchema>;

/**
 * The session clock on main's clock: the time counted so far and, while it runs, since when. It runs from
 * the session's start whatever windows come and go, and stops only when the lecturer pauses it (or when no
 * running Plenum holds the session: a crash or a locked course does not count as session time).
 */
export interface SessionClock {
  accumulatedMs: number;
  /** Main's clock (ms) when the clock last started running, or null while paused. */
  runningSince: number | null;
}

/** The real time one chapter took in this session, by chapter id. */
export interface SessionChapterTime extends ChapterTime {
  chapterId: string;
}

/** The class board: what the class said, short entries per chapter id, in order. */
export type SessionBoard = Record<string, string[]>;

/** The longest board entry, in characters (a sentence or two; the board is for what the room said). */
export const BOARD_ENTRY_MAX = 2000;
/** The most entries one chapter's board holds. */
export const BOARD_ENTRIES_MAX = 200;

/** A session as every window sees it: the unit a lecture or rehearsal is held in, owned and persisted by main. */
export interface SessionState {
  id: number;
  kind: SessionKind;
  view: SessionView;
  /** The unlocked course it runs on (its handle) and the course's id. */
  handle: string;
  courseId: string;
  /** When the session began (main's clock, ms). */
  startedAt: number;
  clock: SessionClock;
  lecture: LectureState;
  /** The playhead (s) when this snapshot was made; later moves arrive as `session.position` events. */
  position: number;
  /** Film and talk time per chapter so far, in the order the chapters were first reached. */
  timings: SessionChapterTime[];
  /** The class board (not private: it may be projected; the lecturer's own notes are elsewhere). */
  board: SessionBoard;
  /** Set when this session was continued rather than begun now (the window offers a fresh one instead). */
  continued: boolean;
}

/** A session of a course left unfinished (not on stage now), which beginning that kind again continues. */
export interface UnfinishedSession {
  kind: SessionKind;
  /** When it began (main's clock, ms). */
  startedAt: number;
  /** The chapter it stood in, or null before the film (or after it). */
  chapter: number | null;
}

/** The session clock's reading at `now` (ms). */
export function clockElapsedMs(clock: SessionClock, now: number): number {
  return clock.accumulatedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince));
}

/** The clock paused at `now` (unchanged when already paused). */
export function pauseClock(clock: SessionClock, now: number): SessionClock {
  return clock.runningSince === null
    ? clock
    : { accumulatedMs: clockElapsedMs(clock, now), runningSince: null };
}

/** The clock running from `now` on (unchanged when already running). */
export function runClock(clock: SessionClock, now: number): SessionClock {
  return clock.runningSince === null ? { ...clock, runningSince: now } : clock;
}

/** What a window may ask of the running session: a lecture command, or pausing and resuming its clock. */
export const sessionCommandSchema = z.union([
  lectureCommandSchema,
  z.object({ type: z.literal('pause-clock') }),
  z.object({ type: z.literal('resume-clock') }),
]);
/** A command to the running session. */
export type SessionCommand = z.infer<typeof sessionCommandSchema>;
