import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureCommand, LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { FilmPlayer } from './film-player';
import { chapterAt } from './resume-point';

/** Props of {@link FilmScreen}. */
export interface FilmScreenProps {
  course: UnlockedCourse;
  /** A saved position to continue from (the overview's resume offer), or null. */
  resumeAt: number | null;
  onLeave(): void;
}

/**
 * Opens the film: asks main where the lecture is, starts it (or starts it again once finished; at a saved
 * position when resuming), and only then mounts the player, so the film loads at the right place instead
 * of seeking after the fact. A course with a notice is left ready: the player shows the notice first.
 */
export function FilmScreen({ course, resumeAt, onLeave }: FilmScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const [initial, setInitial] = useState<LectureState | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [startAt, setStartAt] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    const command = async (state: LectureState, sent: LectureCommand): Promise<LectureState | null> => {
      const result = await callApi(() => plenum.lecture.command({ handle: course.handle, command: sent }));
      if (!result.ok) {
        if (live) setFailure(result.error);
        return null;
      }
      return result.value.revision >= state.revision ? result.value : state;
    };
    void (async () => {
      const fetched = await callApi(() => plenum.lecture.state({ handle: course.handle }));
      if (!live) return;
      if (!fetched.ok) {
        setFailure(fetched.error);
        return;
      }
      let state: LectureState | null = fetched.value;
      if (state.phase.kind === 'finished') state = await command(state, { type: 'restart' });
      const resumeChapter = resumeAt === null ? null : chapterAt(course.manifest.chapters, resumeAt);
      // Resuming applies only to a lecture not yet started; one under way continues where it stands.
      const resuming = state !== null && state.phase.kind === 'ready' && resumeChapter !== null;
      if (state !== null && resuming && resumeChapter !== null) {
        state = await command(state, { type: 'go-to-chapter', chapter: resumeChapter });
        if (state !== null) state = await command(state, { type: 'play' });
      } else if (state !== null && state.phase.kind === 'ready' && course.manifest.notice === undefined) {
        state = await command(state, { type: 'play' });
      }
      if (live && state !== null) {
        setStartAt(resuming ? resumeAt : null);
        setInitial(state);
      }
    })();
    return () => {
      live = false;
    };
    // The resume position is read once, when the screen opens.
  }, [plenum, course.handle]);

  if (initial !== null) {
    return <FilmPlayer course={course} initial={initial} resumeAt={startAt} onLeave={onLeave} />;
  }
  return (
    <main className="film-screen film-loading" aria-busy={failure === null} aria-label={t('film.label')}>
      <h1 className="visually-hidden">{course.manifest.title}</h1>
      <p className="film-chapter">{failure === null ? t('app.loading') : null}</p>
      <FailureAlert failure={failure} />
      <div className="film-bar">
        <button type="button" className="button dark" onClick={onLeave}>
          {t('film.toOverview')}
        </button>
      </div>
    </main>
  );
}
