import type { PlenumState } from '../../src/common/ipc/contract';
import type { LecturePhase, LectureState } from '../../src/common/lecture/lecture-state';

/**
 * Whether a phase keeps the display awake: while the film plays, is paused inside a chapter, or is being
 * discussed, or a break counts down, the class is looking at the screen (a pause to talk can outlast a
 * laptop's display timeout).
 */
export function keepsDisplayAwake(phase: LecturePhase): boolean {
  switch (phase.kind) {
    case 'playing':
    case 'paused':
    case 'discussing':
    case 'break':
      return true;
    case 'ready':
    case 'finished':
      return false;
  }
}

/** What main knows of the running session, for the clicker and the display-sleep blocker. */
export interface SessionWatch {
  /** The running session's lecture, or null when no session runs. */
  lecture(): LectureState | null;
  /** Takes a snapshot from the backend's `state` event (an older revision than the one held is ignored). */
  observe(state: PlenumState): void;
}

/**
 * Follows the service's `state` events: the service decides which session runs; main only reads it, so
 * main never rebuilds its own picture of the lecture from the calls that pass through it.
 */
export function createSessionWatch(onChange: (lecture: LectureState | null) => void): SessionWatch {
  let revision = -1;
  let lecture: LectureState | null = null;
  return {
    lecture: () => lecture,
    observe(state) {
      if (state.revision <= revision) return;
      revision = state.revision;
      lecture = state.session?.lecture ?? null;
      onChange(lecture);
    },
  };
}
