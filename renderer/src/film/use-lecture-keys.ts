import { useEffect, useEffectEvent } from 'react';
import {
  lectureKeyAction,
  type LectureKeyAction,
  type LectureKeyContext,
} from '../../../src/common/lecture/lecture-keys';
import type { LectureCommand } from '../../../src/common/lecture/lecture-state';
import { isTextEntry } from './is-text-entry';

/** What a window does for each lecture key; only full screen, subtitles, the keys list and chapters differ. */
export interface LectureKeyHandlers {
  send(command: LectureCommand): void;
  toggleFullscreen(): void;
  leaveFullscreen(): void;
  toggleSubtitles(): void;
  /** Absent where there is no list of keys to show (the audience window). */
  toggleKeys?: () => void;
  /** Opens or closes the chapter overview (O); absent where there is none (the audience window). */
  toggleChapters?: () => void;
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
    case 'toggle-chapters':
      handlers.toggleChapters?.();
      return;
  }
}

/**
 * Listens for lecture keys on the window (clicker and keyboard) and carries each out with `handlers`. Keys
 * typed into a text field (notes, a path) are never taken. The listener is registered once and reads the
 * latest handlers and context through an effect event.
 */
export function useLectureKeys(
  handlers: LectureKeyHandlers,
  context: Omit<LectureKeyContext, 'typing'>,
): void {
  const onKey = useEffectEvent((event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const action = lectureKeyAction(event, { ...context, typing: isTextEntry(event.target) });
    if (action === null) return;
    event.preventDefault();
    performLectureKey(action, handlers);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
