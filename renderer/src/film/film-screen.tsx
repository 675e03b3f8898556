import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { FilmPlayer } from './film-player';

/** Props of {@link FilmScreen}. */
export interface FilmScreenProps {
  course: UnlockedCourse;
  onLeave(): void;
}

/**
 * Opens the film: asks main where the lecture is, starts it (or starts it again once finished), and only
 * then mounts the player, so the film loads at the right place instead of seeking after the fact.
 */
export function FilmScreen({ course, onLeave }: FilmScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const [initial, setInitial] = useState<LectureState | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);

  useEffect(() => {
    let live = true;
    const command = async (state: LectureState, type: 'play' | 'restart'): Promise<LectureState | null> => {
      const result = await callApi(() =>
        plenum.lecture.command({ handle: course.handle, command: { type } }),
      );
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
      if (state.phase.kind === 'finished') state = await command(state, 'restart');
      if (state !== null && state.phase.kind === 'ready') state = await command(state, 'play');
      if (live && state !== null) setInitial(state);
    })();
    return () => {
      live = false;
    };
  }, [plenum, course.handle]);

  if (initial !== null) return <FilmPlayer course={course} initial={initial} onLeave={onLeave} />;
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
