import type { ApiResult } from '../../src/common/ipc/api-error';
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

/**
 * What main knows about open lectures, learnt from the calls and events that pass through it: which
 * course handles are open (the clicker drives the most recently opened) and each one's latest state.
 */
export interface LectureTracker {
  observeResult(channel: string, args: unknown, result: ApiResult<unknown>): void;
  observeEvent(name: string, payload: unknown): void;
  /** The handle the clicker drives, or null when no course is open. */
  current(): string | null;
  state(handle: string): LectureState | undefined;
  /** Whether any open lecture keeps the display awake. */
  anyRunning(): boolean;
}

function handleOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('handle' in value)) return null;
  return typeof value.handle === 'string' ? value.handle : null;
}

function stateOf(value: unknown): LectureState | null {
  // Results and events come from our own backend; this only keeps a malformed one from crashing main.
  if (typeof value !== 'object' || value === null || !('phase' in value) || !('blank' in value)) return null;
  return value as LectureState;
}

/** A tracker with no course open. */
export function createLectureTracker(): LectureTracker {
  // Insertion order is opening order; re-opening moves a handle to the end.
  const open = new Map<string, LectureState | undefined>();
  const note = (handle: string, state: LectureState | null | undefined, reopen = false): void => {
    if (reopen) open.delete(handle);
    open.set(handle, state ?? open.get(handle));
  };
  return {
    observeResult(channel, args, result) {
      if (!result.ok) return;
      switch (channel) {
        case 'course.unlock': {
          const handle = handleOf(result.value);
          if (handle !== null) {
            const value = result.value as { lecture?: unknown };
            note(handle, stateOf(value.lecture), true);
          }
          return;
        }
        case 'course.lock': {
          const handle = handleOf(args);
          if (handle !== null) open.delete(handle);
          return;
        }
        case 'lecture.state':
        case 'lecture.command': {
          const handle = handleOf(args);
          if (handle !== null && open.has(handle)) note(handle, stateOf(result.value));
          return;
        }
        default:
          return;
      }
    },
    observeEvent(name, payload) {
      if (name !== 'lecture.state') return;
      const handle = handleOf(payload);
      if (handle === null) return;
      const state = stateOf((payload as { state?: unknown }).state);
      if (state !== null) note(handle, state);
    },
    current() {
      let last: string | null = null;
      for (const handle of open.keys()) last = handle;
      return last;
    },
    state: (handle) => open.get(handle),
    anyRunning() {
      for (const state of open.values())
        if (state !== undefined && keepsDisplayAwake(state.phase)) return true;
      return false;
    },
  };
}
