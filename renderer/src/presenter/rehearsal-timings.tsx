import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { lectureRoute, plannedMinutes } from '../../../src/common/lecture/lecture-route';
import type { SessionState } from '../../../src/common/session/session-state';
import { formatTime } from '../../../src/common/course/time';
import { applyTimings, recordedMinutes } from '../../../src/common/plan/apply-timings';
import { defaultPlan } from '../../../src/common/plan/plan-templates';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';

/** Props of {@link RehearsalTimings}. */
export interface RehearsalTimingsProps {
  course: UnlockedCourse;
  session: SessionState;
}

/**
 * "Rehearse timings": the real minutes of each discussion in this rehearsal (main records them as the
 * lecture moves) beside the plan's, and a button that writes them into the plan, so the next session is
 * planned on experience. Without a saved plan, the times become a new plan.
 */
export function RehearsalTimings({ course, session }: RehearsalTimingsProps): ReactElement {
  const { t } = useTranslation();
  const plenum = usePlenum();
  const { manifest } = course;
  const lecture = session.lecture;
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  const route = lectureRoute(lectureCourseOf(manifest), lecture.plan);
  // Main counts the rehearsal's times as the lecture moves, and every snapshot carries them.
  // In the film's chapter order, whatever order the rehearsal visited them in.
  const chapterIndex = (id: string): number => manifest.chapters.findIndex((chapter) => chapter.id === id);
  const timings = session.timings
    .filter((timing) => timing.discussionSeconds > 0)
    .sort((a, b) => chapterIndex(a.chapterId) - chapterIndex(b.chapterId));

  const write = async (): Promise<void> => {
    const base = lecture.plan ?? {
      id: null,
      name: t('presenter.timings.newPlanName'),
      ...defaultPlan(manifest.chapters),
    };
    const updated = applyTimings(base, timings);
    const saved = await callApi(() =>
      plenum.course.adoptPlan({
        handle: course.handle,
        plan: {
          id: updated.id,
          courseId: manifest.id,
          name: updated.name,
          steps: updated.steps,
          budgetMinutes: updated.budgetMinutes,
        },
      }),
    );
    setFailure(saved.ok ? null : saved.error);
    if (saved.ok) setWritten(saved.value.name);
  };

  return (
    <section className="presenter-card" aria-labelledby="rehearsal-timings-heading" data-role="timings">
      <h2 id="rehearsal-timings-heading">{t('presenter.timings.heading')}</h2>
      {timings.length === 0 ? (
        <p>{t('presenter.timings.none')}</p>
      ) : (
        <table className="timings-table">
          <caption className="visually-hidden">{t('presenter.timings.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('presenter.timings.chapter')}</th>
              <th scope="col">{t('presenter.timings.planned')}</th>
              <th scope="col">{t('presenter.timings.recorded')}</th>
              <th scope="col">{t('presenter.timings.toPlan')}</th>
            </tr>
          </thead>
          <tbody>
            {timings.map((timing) => {
              const index = chapterIndex(timing.chapterId);
              const chapter = manifest.chapters[index];
              const planned = plannedMinutes(route, index) ?? chapter?.minutes;
              return (
                <tr key={timing.chapterId} data-role="timing-row" data-chapter-id={timing.chapterId}>
                  <th scope="row">{chapter?.title ?? timing.chapterId}</th>
                  <td>{planned === undefined ? '–' : t('presenter.timings.minutes', { count: planned })}</td>
                  <td data-role="timing-recorded">{formatTime(timing.discussionSeconds)}</td>
                  <td data-role="timing-to-plan">
                    {t('presenter.timings.minutes', { count: recordedMinutes(timing.discussionSeconds) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button"
        data-role="timings-apply"
        disabled={timings.length === 0}
        onClick={() => void write()}
      >
        {lecture.plan !== null && lecture.plan.id !== null
          ? t('presenter.timings.apply', { name: lecture.plan.name })
          : t('presenter.timings.applyNew')}
      </button>
      <p className="hint" aria-live="polite" data-role="timings-written">
        {written === null ? '' : t('presenter.timings.written', { name: written })}
      </p>
      <FailureAlert failure={failure} />
    </section>
  );
}
