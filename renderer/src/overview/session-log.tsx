import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { ExportedSession } from '../../../src/common/records/session-export';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { usePlenumState } from '../api/use-plenum-state';
import { FailureAlert } from '../app/failure-alert';

/** Props of {@link SessionLog}. */
export interface SessionLogProps {
  course: UnlockedCourse;
}

/** Whole minutes of a number of seconds, for a person ("12 min"); sums of planned time may be unknown. */
function minutes(seconds: number): number {
  return Math.round(seconds / 60);
}

function totals(session: ExportedSession): { planned: number | null; actual: number; film: number } {
  let planned: number | null = null;
  let actual = 0;
  let film = 0;
  for (const chapter of session.chapters) {
    if (chapter.plannedSeconds !== null) planned = (planned ?? 0) + chapter.plannedSeconds;
    actual += chapter.discussionSeconds;
    film += chapter.filmSeconds;
  }
  return { planned, actual, film };
}

/**
 * The session log for a course: every lecture and rehearsal held, newest first, with its plan, the chapters
 * shown and planned against actual minutes, ended or left unfinished. One opens to read in full; one can be
 * deleted (asked first); the log exports as CSV for a spreadsheet (`;` is what Norwegian Excel expects), or
 * as the anonymous summary for the course owner.
 */
export function SessionLog({ course }: SessionLogProps): ReactElement {
  const { t, i18n } = useTranslation();
  const plenum = usePlenum();
  const revision = usePlenumState()?.revision ?? 0;
  const headingId = useId();
  const delimiterId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [sessions, setSessions] = useState<ExportedSession[] | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [removing, setRemoving] = useState<ExportedSession | null>(null);
  const [delimiter, setDelimiter] = useState<',' | ';'>(i18n.language === 'en' ? ',' : ';');
  const [summary, setSummary] = useState(false);
  const [done, setDone] = useState('');
  const courseId = course.manifest.id;

  // Read again whenever main's state moves (a session ended or was deleted meanwhile).
  useEffect(() => {
    let live = true;
    void callApi(() => plenum.sessions.list({ courseId })).then((result) => {
      if (!live) return;
      if (result.ok) setSessions(result.value);
      else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, [plenum, courseId, revision]);

  const dateTime = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const remove = async (): Promise<void> => {
    dialog.current?.close();
    if (removing === null) return;
    const result = await callApi(() => plenum.sessions.remove({ id: removing.id }));
    setRemoving(null);
    setFailure(result.ok ? null : result.error);
  };

  const exportLog = async (): Promise<void> => {
    setDone('');
    const result = await callApi(() => plenum.sessions.export({ courseId, delimiter, summary }));
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    const exported = result.value;
    switch (exported.kind) {
      case 'saved':
        setDone(t('overview.sessions.saved'));
        return;
      case 'cancelled':
        return;
      case 'download': {
        // The loopback host has no save dialog: the browser downloads the text as a file.
        const url = URL.createObjectURL(new Blob([exported.text], { type: 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = exported.fileName;
        link.click();
        URL.revokeObjectURL(url);
        setDone(t('overview.sessions.downloaded', { name: exported.fileName }));
        return;
      }
    }
  };

  return (
    <section className="session-log" data-role="sessions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.sessions.heading')}</h2>
      {sessions !== null && sessions.length === 0 && <p>{t('overview.sessions.none')}</p>}
      {sessions !== null && sessions.length > 0 && (
        <ul className="session-list">
          {sessions.map((session) => {
            const sum = totals(session);
            return (
              <li key={session.id} data-role="session" data-session-id={session.id}>
                <details>
                  <summary>
                    <span className="session-when">{dateTime(session.startedAt)}</span>{' '}
                    {t(`overview.sessions.kind.${session.kind}`)}
                    {session.planName !== null && ` · ${session.planName}`} ·{' '}
                    {t('overview.sessions.chaptersShown', { count: session.chapters.length })} ·{' '}
                    {sum.planned === null
                      ? t('overview.sessions.actualOnly', { actual: minutes(sum.actual) })
                      : t('overview.sessions.plannedActual', {
                          planned: minutes(sum.planned),
                          actual: minutes(sum.actual),
                        })}{' '}
                    ·{' '}
                    <span data-role="session-status" data-ended={session.endedAt !== null}>
                      {session.endedAt === null
                        ? t('overview.sessions.unfinished')
                        : t('overview.sessions.ended', { time: dateTime(session.endedAt) })}
                    </span>
                  </summary>
                  {session.chapters.length > 0 && (
                    <table className="session-table">
                      <caption className="visually-hidden">{t('overview.sessions.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('overview.sessions.chapter')}</th>
                          <th scope="col">{t('overview.sessions.planned')}</th>
                          <th scope="col">{t('overview.sessions.actual')}</th>
                          <th scope="col">{t('overview.sessions.film')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {session.chapters.map((chapter) => (
                          <tr key={chapter.chapterId} data-chapter-id={chapter.chapterId}>
                            <th scope="row">{chapter.title}</th>
                            <td className="number">
                              {chapter.plannedSeconds === null ? '–' : formatTime(chapter.plannedSeconds)}
                            </td>
                            <td className="number">{formatTime(chapter.discussionSeconds)}</td>
                            <td className="number">{formatTime(chapter.filmSeconds)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                  {session.chapters.some((chapter) => chapter.board.length > 0) && (
                    <div className="session-board" data-role="session-board">
                      <h3>{t('overview.sessions.board')}</h3>
                      {session.chapters
                        .filter((chapter) => chapter.board.length > 0)
                        .map((chapter) => (
                          <div key={chapter.chapterId} data-chapter-id={chapter.chapterId}>
                            <h4>{chapter.title}</h4>
                            <ul>
                              {chapter.board.map((entry, index) => (
                                <li key={index}>{entry}</li>
                              ))}
                            </ul>
                          </div>
                        ))}
                    </div>
                  )}
                  <button
                    type="button"
                    className="button small"
                    data-role="session-remove"
                    onClick={() => {
                      setRemoving(session);
                      dialog.current?.showModal();
                    }}
                  >
                    {t('overview.sessions.remove')}
                  </button>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <div className="session-export" role="group" aria-label={t('overview.sessions.exportLabel')}>
        <label htmlFor={delimiterId}>{t('overview.sessions.delimiter')}</label>
        <select
          id={delimiterId}
          data-role="sessions-delimiter"
          value={delimiter}
          onChange={(event) => setDelimiter(event.target.value === ',' ? ',' : ';')}
        >
          <option value=";">{t('overview.sessions.semicolon')}</option>
          <option value=",">{t('overview.sessions.comma')}</option>
        </select>
        <label className="check">
          <input
            type="checkbox"
            data-role="sessions-summary"
            checked={summary}
            onChange={(event) => setSummary(event.target.checked)}
          />
          {t('overview.sessions.summary')}
        </label>
        <button type="button" className="button" data-role="sessions-export" onClick={() => void exportLog()}>
          {t('overview.sessions.export')}
        </button>
        <p className="hint" aria-live="polite" data-role="sessions-exported">
          {done}
        </p>
      </div>
      <FailureAlert failure={failure} />
      <dialog
        ref={dialog}
        className="confirm-dialog"
        data-role="session-remove-confirm"
        aria-labelledby={`${headingId}-remove`}
        onClose={() => setRemoving(null)}
      >
        <h2 id={`${headingId}-remove`}>{t('overview.sessions.removeTitle')}</h2>
        <p>
          {removing === null
            ? ''
            : t('overview.sessions.removeExplain', { time: dateTime(removing.startedAt) })}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            data-role="session-remove-yes"
            onClick={() => void remove()}
          >
            {t('overview.sessions.removeConfirm')}
          </button>
          <button
            type="button"
            className="button"
            data-role="session-remove-no"
            onClick={() => dialog.current?.close()}
          >
            {t('overview.sessions.removeCancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
