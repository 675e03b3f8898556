import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import { MarkdownText } from '../markdown/markdown-text';
import { PlanSection } from '../plans/plan-section';
import { ChapterTable } from './chapter-table';
import { PeopleList } from './people-list';
import type { PresenterMode } from '../presenter/presenter-mode';
import { useResumeOffer } from './use-resume-offer';

/** Props of {@link OverviewScreen}. */
export interface OverviewScreenProps {
  course: UnlockedCourse;
  /** Starts the film: from a saved position (seconds) when the lecturer chose to resume, else null. */
  onStart(resumeAt: number | null): void;
  /** Opens the presenter view: to lead a lecture (with an audience window), or to rehearse alone. */
  onPresent(mode: PresenterMode): void;
  onClosed(): void;
}

/** The unlocked course before the film: its notice, people, background and chapters, and the start button. */
export function OverviewScreen({ course, onStart, onPresent, onClosed }: OverviewScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const noticeId = useId();
  const backgroundId = useId();
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [closing, setClosing] = useState(false);
  const { manifest } = course;
  const resume = useResumeOffer(course);
  const resumeChapter = resume === null ? undefined : manifest.chapters[resume.chapter];

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
      {resume !== null && resumeChapter !== undefined && (
        <p className="resume-note" data-role="resume-note">
          {t('overview.resume.note', {
            number: resume.chapter + 1,
            title: resumeChapter.title,
            time: formatTime(resume.seconds),
          })}
        </p>
      )}
      <div className="actions">
        {resume !== null && (
          <button
            type="button"
            className="button primary large"
            data-role="resume"
            onClick={() => onStart(resume.seconds)}
          >
            {t('overview.resume.continue', { number: resume.chapter + 1, time: formatTime(resume.seconds) })}
          </button>
        )}
        <button
          type="button"
          className={resume === null ? 'button primary large' : 'button large'}
          data-role="start"
          onClick={() => onStart(null)}
        >
          {resume === null ? t('overview.start') : t('overview.resume.fromStart')}
        </button>
        <button
          type="button"
          className="button large"
          data-role="start-presenter"
          onClick={() => onPresent('lecture')}
        >
          {t('overview.presenter')}
        </button>
        <button
          type="button"
          className="button large"
          data-role="start-rehearsal"
          onClick={() => onPresent('rehearsal')}
        >
          {t('overview.rehearse')}
        </button>
        <button type="button" className="button" disabled={closing} onClick={() => void close()}>
          {t('overview.close')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <PlanSection course={course} />
      <ChapterTable chapters={manifest.chapters} />
      {manifest.people.length > 0 && <PeopleList people={manifest.people} />}
      {manifest.background !== undefined && (
        <section aria-labelledby={backgroundId}>
          <h2 id={backgroundId}>{t('overview.backgroundHeading')}</h2>
          <MarkdownText source={manifest.background} baseLevel={2} />
        </section>
      )}
    </main>
  );
}
