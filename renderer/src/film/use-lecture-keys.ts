import { useEffect, useRef } from 'react';
import { isTextEntry } from './is-text-entry';
import { lectureKeyAction, type LectureKeyAction, type LectureKeyContext } from './lecture-keys';

/**
 * Listens for lecture keys on the window (clicker and keyboard) and hands each action to `perform`. Keys
 * typed into a text field (notes, a path) are never taken. The latest `perform` and context are read
 * through refs, so the listener is registered once.
 */
export function useLectureKeys(
  perform: (action: LectureKeyAction) => void,
  context: LectureKeyContext,
): void {
  const latest = useRef({ perform, context });
  latest.current = { perform, context };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const action = lectureKeyAction(event, latest.current.context);
      if (action === null) return;
      event.preventDefault();
      latest.current.perform(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
