import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import type { HandoutKind } from '../handouts/handout-kind';
import { HandoutsSection } from '../handouts/handouts-section';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import { MarkdownText } from '../markdown/markdown-text';
import { PlanSection } from '../plans/plan-section';
import { RoomCheckPanel } from '../presenter/room-check';
import { CaseFacts } from './case-facts';
import { ChapterTable } from './chapter-table';
import { SessionLog } from './session-log';
import { ClosingOffer } from './closing-offer';
import { EvaluationSettings } from './evaluation-settings';
import { PeopleList } from './people-list';
import { timeOfDay } from '../app/time-of-day';
import type { SessionKind, SessionView } from '../../../src/common/session/session-state';

/** Props of {@link OverviewScreen}. */
export interface OverviewScreenProps {
  course: UnlockedCourse;
  onClosed(): void;
  /** Opens one of the course's printable handouts in this window. */
  onHandout(kind: HandoutKind): void;
}

/**
 * The unlocked course before a session: its notice, people, background and chapters, the plan, and the
 * three ways in (the film in this window, the presenter view with the room's screen, a rehearsal alone).
 * Each starts or continues a session in main with one call; main's snapshot then shows its screen.
 */
export function OverviewScreen({ course, onClosed, onHandout }: OverviewScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t, i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const noticeId = useId();
  const backgroundId = useId();
  const factsId = useId();
  const waysId = useId();
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [closing, setClosing] = useState(false);
  const [starting, setStarting] = useState(false);
  const { manifest } = course;

  // An unfinished lecture (after a crash, a lock, or leaving it) is offered to continue; starting the film
  // afresh then ends it.
  const unfinished = course.unfinished.find((session) => session.kind === 'lecture') ?? null;
  const unfinishedChapter =
    unfinished === null || unfinished.chapter === null ? undefined : manifest.chapters[unfinished.chapter];

  const begin = async (kind: SessionKind, view: SessionView, fresh = false): Promise<void> => {
    setStarting(true);
    const result = await callApi(() =>
      plenum.session.begin({ handle: course.handle, kind, view, ...(fresh ? { fresh } : {}) }),
    );
    setStarting(false);
    if (!result.ok) setFailure(result.error);
  };

  const close = async (): Promise<void> => {
    setClosing(true);
    const result = await callApi(() => plenum.course.lock({ handle: course.handle }));
    setClosing(false);
    // A course already locked (course-locked) is as closed as it gets.
    if (result.ok || (result.error !== 'unreachable' && result.error.code === 'course-locked')) onClosed();
    else setFailure(result.error);
  };

  return (
    <main className="screen overview-screen">
      <h1 ref={heading} tabIndex={-1}>
        {manifest.title}
      </h1>
      <p className="lead">
        {t('overview.facts', {
          chapters: t('overview.chapterCount', { count: manifest.chapters.length }),
          length: formatTime(manifest.film.duration),
        })}
      </p>
      {manifest.notice !== undefined && (
        <section className="notice" aria-labelledby={noticeId}>
          <h2 id={noticeId}>{t('overview.noticeHeading')}</h2>
          <MarkdownText source={manifest.notice} />
        </section>
      )}
      {unfinished !== null && (
        <p className="resume-note" data-role="resume-note">
          {unfinishedChapter === undefined
            ? t('overview.resume.noteReady', { time: timeOfDay(unfinished.startedAt, i18n.language) })
            : t('overview.resume.note', {
                time: timeOfDay(unfinished.startedAt, i18n.language),
                number: (unfinished.chapter ?? 0) + 1,
                title: unfinishedChapter.title,
              })}
        </p>
      )}
      <div className="actions">
        {unfinished !== null && (
          <button
            type="button"
            className="button primary large"
            data-role="resume"
            disabled={starting}
            onClick={() => void begin('lecture', 'film')}
          >
            {t('overview.resume.continue')}
          </button>
        )}
        <button
          type="button"
          className={unfinished === null ? 'button primary large' : 'button large'}
          data-role="start"
          disabled={starting}
          onClick={() => void begin('lecture', 'film', unfinished !== null)}
        >
          {unfinished === null ? t('overview.start') : t('overview.resume.fromStart')}
        </button>
        <button
          type="button"
          className="button large"
          data-role="start-presenter"
          disabled={starting}
          onClick={() => void begin('lecture', 'presenter')}
        >
          {t('overview.presenter')}
        </button>
        <button
          type="button"
          className="button large"
          data-role="start-rehearsal"
          disabled={starting}
          onClick={() => void begin('rehearsal', 'presenter')}
        >
          {t('overview.rehearse')}
        </button>
        <button
          type="button"
          className="button"
          data-role="lock"
          disabled={closing}
          onClick={() => void close()}
        >
          {t('overview.close')}
        </button>
      </div>
      <section className="ways-in" aria-labelledby={waysId} data-role="ways-in">
        <h2 id={waysId} className="visually-hidden">
          {t('overview.ways.heading')}
        </h2>
        <ul className="ways-list">
          <li>{t('overview.ways.film')}</li>
          <li>{t('overview.ways.presenter')}</li>
          <li>{t('overview.ways.rehearse')}</li>
        </ul>
      </section>
      <FailureAlert failure={failure} />
      <RoomCheckPanel />
      <ClosingOffer course={course} />
      <PlanSection course={course} />
      <SessionLog course={course} />
      <HandoutsSection onOpen={onHandout} />
      <EvaluationSettings />
      <ChapterTable chapters={manifest.chapters} />
      {manifest.people.length > 0 && <PeopleList people={manifest.people} />}
      {manifest.background !== undefined && (
        <section aria-labelledby={backgroundId}>
          <h2 id={backgroundId}>{t('overview.backgroundHeading')}</h2>
          <MarkdownText source={manifest.background} baseLevel={2} />
        </section>
      )}
      {manifest.handout !== undefined && manifest.handout.facts.length > 0 && (
        <section aria-labelledby={factsId}>
          <h2 id={factsId}>{t('overview.factsHeading')}</h2>
          <CaseFacts facts={manifest.handout.facts} />
        </section>
      )}
    </main>
  );
}
