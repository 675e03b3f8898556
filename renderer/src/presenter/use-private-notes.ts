import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/** How long after a keystroke its text is saved, at the latest (plus one round trip to main). */
export const NOTE_SAVE_MS = 400;

/** Where the notes stand against the store. */
export type NotesStatus = 'loading' | 'saved' | 'unsaved' | 'failed';

/** The lecturer's private notes per chapter, saved as they are typed. */
export interface PrivateNotes {
  /** The note for a chapter ('' when there is none). */
  textOf(chapterId: string): string;
  change(chapterId: string, text: string): void;
  status: NotesStatus;
  /** The stored notes have been read, so the field may be edited. */
  loaded: boolean;
  failure: CallFailure | null;
}

/**
 * Private notes for one course, loaded once and saved while typing: the first change starts a timer, and
 * when it fires the latest text of every changed chapter is saved, so typing without a pause is still
 * saved every NOTE_SAVE_MS (a debounce would wait for a pause, and lose a whole paragraph to a crash).
 * Each save is one committed SQLite statement in main. A failed save (disk full) keeps the text on screen,
 * says so, and is tried again with the next change or the next tick; leaving the screen saves at once.
 */
export function usePrivateNotes(courseId: string): PrivateNotes {
  const plenum = usePlenum();
  const [texts, setTexts] = useState<ReadonlyMap<string, string> | null>(null);
  const [status, setStatus] = useState<NotesStatus>('loading');
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const latest = useRef(new Map<string, string>());
  const dirty = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);

  // Until the stored notes have been read the field stays closed: typing into an empty field that hides a
  // stored note would replace it. A failed read is tried again, so the field opens once the store answers.
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const load = (): void => {
      void callApi(() => plenum.notes.list({ courseId })).then((result) => {
        if (!live) return;
        if (!result.ok) {
          setFailure(result.error);
          setStatus('failed');
          retry = setTimeout(load, NOTE_SAVE_MS * 10);
          return;
        }
        for (const note of result.value)
          if (note.scope === 'private' && note.chapterId !== null && !dirty.current.has(note.chapterId))
            latest.current.set(note.chapterId, note.text);
        setTexts(new Map(latest.current));
        setFailure(null);
        setStatus('saved');
      });
    };
    load();
    return () => {
      live = false;
      if (retry !== null) clearTimeout(retry);
    };
  }, [plenum, courseId]);

  const saveNow = useCallback((): Promise<void> => {
    // A declaration, so the retries it schedules can name it: each one is the same save of this course.
    async function save(): Promise<void> {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      if (saving.current || dirty.current.size === 0) return;
      saving.current = true;
      const batch = [...dirty.current];
      dirty.current.clear();
      let failed: CallFailure | null = null;
      for (const chapterId of batch) {
        const text = latest.current.get(chapterId) ?? '';
        const result = await callApi(() =>
          plenum.notes.save({ courseId, chapterId, scope: 'private', text }),
        );
        if (!result.ok) {
          failed = result.error;
          dirty.current.add(chapterId);
        }
      }
      saving.current = false;
      setFailure(failed);
      if (failed !== null) {
        setStatus('failed');
        // Try again on a slower beat; the text is still here, and still shown.
        timer.current = setTimeout(() => void save(), NOTE_SAVE_MS * 5);
      } else if (dirty.current.size > 0) {
        // Typed while this save was on its way: those keystrokes get their own save.
        timer.current = setTimeout(() => void save(), NOTE_SAVE_MS);
      } else {
        setStatus('saved');
      }
    }
    return save();
  }, [plenum, courseId]);

  const change = useCallback(
    (chapterId: string, text: string): void => {
      latest.current.set(chapterId, text);
      dirty.current.add(chapterId);
      setTexts(new Map(latest.current));
      setStatus((current) => (current === 'failed' ? current : 'unsaved'));
      if (timer.current === null && !saving.current)
        timer.current = setTimeout(() => void saveNow(), NOTE_SAVE_MS);
    },
    [saveNow],
  );

  // Leaving the screen, or the page going away, saves what is left at once.
  useEffect(() => {
    const flush = (): void => void saveNow();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saveNow]);

  return {
    textOf: (chapterId) => texts?.get(chapterId) ?? '',
    change,
    status: texts === null && status !== 'failed' ? 'loading' : status,
    loaded: texts !== null,
    failure,
  };
}
