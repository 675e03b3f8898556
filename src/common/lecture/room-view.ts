import type { LectureState, CoverScreen } from './lecture-state';

/**
 * What the room's screen shows for a lecture state, in the order the stage stacks it: a cover over
 * everything, then the end or a break, a replayed statement (on the film), a link's QR code or the class
 * board over a discussion, the discussion, the notice or the holding screen before the film, else the film.
 * The stage and the console's mirror both read it, so the lecturer sees what the room sees.
 */
export type RoomView =
  | { kind: 'cover'; screen: CoverScreen }
  | { kind: 'end' }
  | { kind: 'break'; after: number; since: number; minutes: number; pausedAt?: number | undefined }
  | { kind: 'link'; chapter: number; link: number }
  | { kind: 'board'; chapter: number }
  | { kind: 'replay'; chapter: number; statement: number }
  | { kind: 'discussion'; chapter: number; promptIndex: number }
  | { kind: 'notice' }
  | { kind: 'holding' }
  | { kind: 'film'; chapter: number; playing: boolean };

/** What the room sees now; `hasNotice` says whether the course has a notice to show. */
export function roomViewOf(state: LectureState, hasNotice: boolean): RoomView {
  const { phase } = state;
  if (state.blank !== null) return { kind: 'cover', screen: state.blank.screen };
  switch (phase.kind) {
    case 'finished':
      return { kind: 'end' };
    case 'break':
      return {
        kind: 'break',
        after: phase.after,
        since: phase.since,
        minutes: phase.minutes,
        pausedAt: phase.pausedAt,
      };
    case 'ready':
      return hasNotice && state.notice ? { kind: 'notice' } : { kind: 'holding' };
    case 'playing':
    case 'paused':
    case 'discussing': {
      // A replay is asked for on purpose and seen on the film: what stands in front of it steps aside.
      if (state.replay !== null) return { kind: 'replay', ...state.replay };
      if (state.link !== null) return { kind: 'link', ...state.link };
      if (state.board) return { kind: 'board', chapter: phase.chapter };
      return phase.kind === 'discussing'
        ? { kind: 'discussion', chapter: phase.chapter, promptIndex: phase.promptIndex }
        : { kind: 'film', chapter: phase.chapter, playing: phase.kind === 'playing' };
    }
  }
}
