import { useEffect, useRef } from 'react';
import {
  lectureKeyAction,
  type LectureKeyAction,
  type LectureKeyContext,
} from '../../../src/common/lecture/lecture-keys';
import type { LectureCommand } from '../../../src/common/lecture/lecture-state';
import { isTextEntry } from './is-text-entry';

/** What a window does for each lecture key; only full screen, subtitles and the keys list differ. */
export interface LectureKeyHandlers {
  send(command: LectureCommand): void;
  toggleFullscreen(): void;
  leaveFullscreen(): void;
  toggleSubtitles(): void;
  /** Absent where there is no list of keys to show (the audience window). */
  toggleKeys?: () => void;
}

/** Carries out one key's action with a window's handlers (one switch for every window). */
export function performLectureKey(action: LectureKeyAction, handlers: LectureKeyHandlers): void {
  switch (action.kind) {
    case 'command':
      handlers.send(action.command);
      return;
    case 'toggle-fullscreen':
      handlers.toggleFullscreen();
      return;
    case 'leave-fullscreen':
      handlers.leaveFullscreen();
      return;
    case 'toggle-subtitles':
      handlers.toggleSubtitles();
      return;
    case 'toggle-keys':
      handlers.toggleKeys?.();
      return;
  }
}

/**
 * Listens for lecture keys on the window (clicker and keyboard) and carries each out with `handlers`. Keys
 * typed into a text field (notes, a path) are never taken. The latest handlers and context are read through
 * refs, so the listener is registered once.
 */
export function useLectureKeys(
  handlers: LectureKeyHandlers,
  context: Omit<LectureKeyContext, 'typing'>,
): void {
  const latest = useRef({ handlers, context });
  latest.current = { handlers, context };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const action = lectureKeyAction(event, {
        ...latest.current.context,
        typing: isTextEntry(event.target),
      });
      if (action === null) return;
      event.preventDefault();
      performLectureKey(action, latest.current.handlers);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
