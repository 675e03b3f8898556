import { z } from 'zod';

/** Where the lecture is: before the film, the film playing or paused inside a chapter, discussing, or done. */
export type LecturePhase =
  | { kind: 'ready' }
  | { kind: 'playing'; chapter: number }
  /**
   * `atStart`: the film was sent to the chapter's start (previous, go to chapter), so a window seeks there even
   * when the chapter is the one already shown; a plain pause leaves the playhead where it is.
   */
  | { kind: 'paused'; chapter: number; atStart?: boolean }
  | { kind: 'discussing'; chapter: number; promptIndex: number; since: number }
  | { kind: 'finished' };

/** The lecture's whole state: one source of truth, held by main and mirrored by every window. */
export interface LectureState {
  phase: LecturePhase;
  /** The screen is blanked (B or .); the film pauses, and any key brings the picture back. */
  blank: boolean;
  /** The playhead in seconds, as last reported by the window that plays the film. */
  position: number;
  /** Increases with every change, so a window can drop a snapshot older than the one it shows. */
  revision: number;
}

/** Commands from people (keys, clicker, presenter) and reports from the player. */
export const lectureCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('toggle-play') }),
  z.object({ type: z.literal('next') }),
  // `nearStart`: the window saw the playhead within a few seconds of the chapter's start, so "back" means the
  // previous chapter (as a clicker's second press does); main's own clicker cannot tell and leaves it out.
  z.object({ type: z.literal('previous'), nearStart: z.boolean().optional() }),
  z.object({ type: z.literal('go-to-chapter'), chapter: z.number().int().min(0) }),
  z.object({ type: z.literal('show-prompt'), promptIndex: z.number().int().min(0) }),
  z.object({ type: z.literal('blank') }),
  z.object({ type: z.literal('unblank') }),
  z.object({ type: z.literal('chapter-ended'), chapter: z.number().int().min(0), at: z.number().min(0) }),
  z.object({ type: z.literal('position'), seconds: z.number().min(0) }),
  z.object({ type: z.literal('restart') }),
]);
/** A command or a player report. */
export type LectureCommand = z.infer<typeof lectureCommandSchema>;

/** What the reducer needs to know about the course: per chapter, whether the film stops at its end. */
export interface LectureCourse {
  chapters: readonly { pause: boolean; prompts: number }[];
}

/** The state a lecture starts in. */
export function initialLectureState(): LectureState {
  return { phase: { kind: 'ready' }, blank: false, position: 0, revision: 0 };
}

/**
 * The lecture's rules as a pure reducer: `now` (ms) stamps when a discussion began, for the timer. Commands
 * that make no sense in the current phase leave the state as it is (a stray clicker press does nothing).
 */
export function reduceLecture(
  state: LectureState,
  command: LectureCommand,
  course: LectureCourse,
  now: number,
): LectureState {
  const last = course.chapters.length - 1;
  const next = (phase: LecturePhase, extra: Partial<LectureState> = {}): LectureState => ({
    ...state,
    ...extra,
    phase,
    revision: state.revision + 1,
  });
  const { phase } = state;
  switch (command.type) {
    case 'play':
      switch (phase.kind) {
        case 'ready':
          return last < 0 ? state : next({ kind: 'playing', chapter: 0 }, { blank: false });
        case 'paused':
          return next({ kind: 'playing', chapter: phase.chapter }, { blank: false });
        case 'discussing':
          return continueAfter(phase.chapter);
        case 'playing':
        case 'finished':
          return state;
      }
    case 'pause':
      return phase.kind === 'playing' ? next({ kind: 'paused', chapter: phase.chapter }) : state;
    case 'toggle-play':
      return phase.kind === 'playing'
        ? next({ kind: 'paused', chapter: phase.chapter })
        : reduceLecture(state, { type: 'play' }, course, now);
    case 'next':
      switch (phase.kind) {
        case 'ready':
          return reduceLecture(state, { type: 'play' }, course, now);
        case 'discussing':
          return continueAfter(phase.chapter);
        case 'playing':
        case 'paused':
          return phase.chapter < last ? next({ kind: 'playing', chapter: phase.chapter + 1 }) : state;
        case 'finished':
          return state;
      }
    case 'previous':
      switch (phase.kind) {
        case 'ready':
          return state;
        case 'finished':
          return last < 0 ? state : next({ kind: 'paused', chapter: last, atStart: true });
        case 'discussing':
          // From a discussion, back to the start of the chapter just discussed.
          return next({ kind: 'paused', chapter: phase.chapter, atStart: true });
        case 'playing':
        case 'paused':
          // Back to the start of this chapter, or of the previous one when already at (near) this start.
          return next({
            kind: 'paused',
            chapter: command.nearStart === true && phase.chapter > 0 ? phase.chapter - 1 : phase.chapter,
            atStart: true,
          });
      }
    case 'go-to-chapter':
      return command.chapter > last
        ? state
        : next({ kind: 'paused', chapter: command.chapter, atStart: true });
    case 'show-prompt':
      return phase.kind === 'discussing' &&
        command.promptIndex < (course.chapters[phase.chapter]?.prompts ?? 0)
        ? next({ ...phase, promptIndex: command.promptIndex })
        : state;
    case 'blank':
      return next(phase.kind === 'playing' ? { kind: 'paused', chapter: phase.chapter } : phase, {
        blank: true,
      });
    case 'unblank':
      return state.blank ? next(phase, { blank: false }) : state;
    case 'chapter-ended': {
      if (phase.kind !== 'playing' || phase.chapter !== command.chapter) return state;
      const pauses = course.chapters[command.chapter]?.pause ?? true;
      if (pauses)
        return next(
          { kind: 'discussing', chapter: command.chapter, promptIndex: 0, since: now },
          { position: command.at },
        );
      return command.chapter < last
        ? next({ kind: 'playing', chapter: command.chapter + 1 }, { position: command.at })
        : next({ kind: 'finished' }, { position: command.at });
    }
    case 'position':
      return command.seconds === state.position
        ? state
        : { ...state, position: command.seconds, revision: state.revision + 1 };
    case 'restart':
      return { ...initialLectureState(), revision: state.revision + 1 };
  }

  function continueAfter(chapter: number): LectureState {
    return chapter < last ? next({ kind: 'playing', chapter: chapter + 1 }) : next({ kind: 'finished' });
  }
}
