import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageState, UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import type { PresenterMode } from './presenter-mode';
import { PresenterView } from './presenter-view';

/** Props of {@link PresenterScreen}. */
export interface PresenterScreenProps {
  course: UnlockedCourse;
  mode: PresenterMode;
  onLeave(): void;
}

/**
 * Opens the presenter view: puts the course on stage (so an audience window shows it), starts timing the
 * session (a lecture, or a rehearsal), takes a finished lecture back to the start, and only then shows the
 * view with main's state. Leaving ends the session and clears the stage.
 */
export function PresenterScreen({ course, mode, onLeave }: PresenterScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const [initial, setInitial] = useState<LectureState | null>(null);
  const [initialStage, setInitialStage] = useState<StageState | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const { handle } = course;

  useEffect(() => {
    let live = true;
    void (async () => {
      const staged = await callApi(() => plenum.stage.present({ handle }));
      let state = staged.ok ? staged.value.course?.lecture : undefined;
      if (!staged.ok || state === undefined) {
        if (live) setFailure(staged.ok ? 'unreachable' : staged.error);
        return;
      }
      if (state.session === null || state.session.kind !== mode) {
        const started = await callApi(() => plenum.lecture.session({ handle, kind: mode }));
        if (!started.ok) {
          if (live) setFailure(started.error);
          return;
        }
        state = started.value;
      }
      if (state.phase.kind === 'finished') {
        const restarted = await callApi(() =>
          plenum.lecture.command({ handle, command: { type: 'restart' } }),
        );
        if (restarted.ok) state = restarted.value;
      }
      if (live) {
        setInitialStage(staged.value);
        setInitial(state);
      }
    })();
    return () => {
      live = false;
    };
  }, [plenum, handle, mode]);

  const leave = async (): Promise<void> => {
    // The film stops with the presenter view: nobody is watching the stage any more. Best effort: the
    // session's timings are saved as they happen, so a failure here loses nothing.
    await callApi(() => plenum.lecture.command({ handle, command: { type: 'pause' } }));
    await callApi(() => plenum.lecture.session({ handle, kind: null }));
    await callApi(() => plenum.stage.present({ handle: null }));
    onLeave();
  };

  if (initial !== null)
    return (
      <PresenterView
        course={course}
        initial={initial}
        initialStage={initialStage}
        mode={mode}
        onLeave={() => void leave()}
      />
    );
  return (
    <main
      className="presenter presenter-loading"
      aria-busy={failure === null}
      aria-label={t('presenter.label')}
    >
      <h1>{course.manifest.title}</h1>
      <p>{failure === null ? t('app.loading') : null}</p>
      <FailureAlert failure={failure} />
      <button type="button" className="button" onClick={onLeave}>
        {t('film.toOverview')}
      </button>
    </main>
  );
}
