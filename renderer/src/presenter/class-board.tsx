import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { BOARD_ENTRY_MAX } from '../../../src/common/session/session-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';

/** Props of {@link ClassBoard}. */
export interface ClassBoardProps {
  chapter: Chapter;
  /** The chapter's entries as main holds them (undefined: none yet). */
  entries: readonly string[] | undefined;
  /** Whether the board is on the room's screen now. */
  shown: boolean;
  /** Puts the board on the room's screen, or takes it off. */
  onShow(shown: boolean): void;
}

const NO_ENTRIES: readonly string[] = [];

/** How soon an edit is sent: a throttle, not a debounce, so typing without a pause is still saved. */
const SAVE_EVERY_MS = 400;

/**
 * What the class said about this chapter, jotted down by the facilitator: Enter adds an entry, each entry can
 * be edited or removed, and every change is sent to main within half a second (committed there, so a crash
 * keeps it). Not private: it can go on the room's screen, and it is kept apart from the lecturer's own notes.
 */
export function ClassBoard({ chapter, entries = NO_ENTRIES, shown, onShow }: ClassBoardProps): ReactElement {
  const { t } = useTranslation();
  const plenum = usePlenum();
  const id = useId();
  const [draft, setDraft] = useState<string[]>([...entries]);
  const [next, setNext] = useState('');
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const pending = useRef<string[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Main's entries replace the draft unless an edit of this window's is still on its way (the same text
  // keeps the caret where it is).
  useEffect(() => {
    if (pending.current === null && timer.current === null) setDraft([...entries]);
  }, [entries]);

  // Sending and scheduling live for the board's chapter (the component is keyed by it); they read and write
  // refs only when called, never while rendering.
  const saver = useMemo(() => {
    const send = (): void => {
      timer.current = null;
      const list = pending.current;
      pending.current = null;
      if (list === null) return;
      void callApi(() => plenum.session.board({ chapterId: chapter.id, entries: list })).then((result) => {
        setFailure(result.ok ? null : result.error);
        // Not saved: sent again shortly, unless a newer edit is already on its way.
        if (!result.ok && pending.current === null) schedule(list);
      });
    };
    const schedule = (list: string[]): void => {
      pending.current = list;
      timer.current ??= setTimeout(send, SAVE_EVERY_MS);
    };
    /** Sends a waiting edit now (the field lost focus: the lecturer may be about to end the session). */
    const flush = (): void => {
      if (timer.current === null) return;
      clearTimeout(timer.current);
      send();
    };
    return { send, schedule, flush };
  }, [plenum, chapter.id]);
  const change = (list: string[]): void => {
    setDraft(list);
    saver.schedule(list);
  };
  useEffect(
    () => () => {
      // Leaving the chapter sends what is still waiting at once.
      saver.flush();
    },
    [saver],
  );

  const add = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const text = next.trim();
    if (text === '') return;
    setNext('');
    change([...draft, text]);
  };

  return (
    <section className="presenter-card class-board" aria-labelledby={`${id}-heading`} data-role="class-board">
      <h2 id={`${id}-heading`}>{t('presenter.board.heading')}</h2>
      <p className="hint">{t('presenter.board.public', { title: chapter.title })}</p>
      {draft.length > 0 && (
        <ol className="board-entries">
          {draft.map((entry, index) => (
            <li key={index}>
              <input
                type="text"
                className="board-entry"
                data-role="board-entry"
                aria-label={t('presenter.board.entryLabel', { number: index + 1 })}
                maxLength={BOARD_ENTRY_MAX}
                value={entry}
                onChange={(event) =>
                  change(draft.map((old, at) => (at === index ? event.target.value : old)))
                }
              />
              <button
                type="button"
                className="button small"
                data-role="board-remove"
                aria-label={t('presenter.board.removeLabel', { number: index + 1 })}
                onClick={() => change(draft.filter((_, at) => at !== index))}
              >
                {t('presenter.board.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={`${id}-new`} className="field-label">
        {t('presenter.board.newLabel')}
      </label>
      <input
        id={`${id}-new`}
        type="text"
        className="board-new"
        data-role="board-new"
        maxLength={BOARD_ENTRY_MAX}
        value={next}
        onChange={(event) => setNext(event.target.value)}
        onKeyDown={add}
        onBlur={saver.flush}
      />
      <button
        type="button"
        className="button"
        data-role="board-toggle"
        aria-pressed={shown}
        onClick={() => onShow(!shown)}
      >
        {shown ? t('presenter.board.hide') : t('presenter.board.show')}
      </button>
      <FailureAlert failure={failure} />
    </section>
  );
}
