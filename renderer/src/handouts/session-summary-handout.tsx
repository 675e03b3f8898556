import { type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { ExportedSession } from '../../../src/common/records/session-export';

/** Props of {@link SessionSummaryHandout}. */
export interface SessionSummaryHandoutProps {
  courseTitle: string;
  /** The session chosen, or null when the course has none yet. */
  session: ExportedSession | null;
}

/**
 * The summary after a session: which session, and per chapter shown its planned and actual discussion time,
 * the film's time, and what the class said (the board's entries).
 */
export function SessionSummaryHandout({ courseTitle, session }: SessionSummaryHandoutProps): ReactElement {
  const { t, i18n } = useTranslation();
  // Whole minutes for people, or "–" for a time not known.
  const minutesText = (seconds: number | null): string =>
    seconds === null ? '–' : t('handouts.minutes', { count: Math.round(seconds / 60) });
  const dateTime = (iso: string): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return (
    <>
      <p className="handout-kicker">{t('handouts.summary.kicker')}</p>
      <h1>{courseTitle}</h1>
      {session === null ? (
        <p>{t('handouts.summary.none')}</p>
      ) : (
        <>
          <p className="lead">
            {t('handouts.summary.held', {
              kind: t(`overview.sessions.kind.${session.kind}`),
              time: dateTime(session.startedAt),
            })}
            {session.planName !== null && <> · {t('handouts.summary.plan', { plan: session.planName })}</>}
            {session.endedAt === null && <> · {t('overview.sessions.unfinished')}</>}
          </p>
          {session.chapters.length === 0 && <p>{t('handouts.summary.noChapters')}</p>}
          {session.chapters.map((chapter) => (
            <section
              key={chapter.chapterId}
              className="handout-chapter handout-item"
              data-chapter={chapter.chapterId}
            >
              <h2>{chapter.title}</h2>
              <p>
                {t('handouts.summary.times', {
                  planned: minutesText(chapter.plannedSeconds),
                  actual: minutesText(chapter.discussionSeconds),
                  film: formatTime(chapter.filmSeconds),
                })}
              </p>
              <h3>{t('handouts.summary.said')}</h3>
              {chapter.board.length === 0 ? (
                <p className="handout-hint">{t('handouts.summary.nothingSaid')}</p>
              ) : (
                <ul>
                  {chapter.board.map((entry, index) => (
                    <li key={index} className="handout-item">
                      {entry}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
