import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { useAppLanguage } from '../app/use-app-language';
import { isNearChapterStart } from '../film/lecture-keys';
import { useFullscreen } from '../film/use-fullscreen';
import { useLecture } from '../film/use-lecture';
import { useLectureKeys } from '../film/use-lecture-keys';
import { useSettings } from '../settings/use-settings';
import { FilmStage } from '../stage/film-stage';
import { startPosition } from '../stage/start-position';
import { useStage } from '../stage/use-stage';

/**
 * The audience window (`?view=audience`): only what the room sees, full window, no buttons. It shows the
 * course main has on stage and follows the lecture the presenter runs; opened again after being closed, it
 * asks main where the lecture stands and carries on from there. Clicker keys work here too, since the
 * clicker's keys go to whichever window has focus.
 */
export function AudienceApp(): ReactElement {
  const { t } = useTranslation();
  const stage = useStage();
  const language = useAppLanguage();
  const course = stage?.course ?? null;
  useEffect(() => {
    document.title =
      course === null ? t('audience.title') : `${course.manifest.title} – ${t('audience.title')}`;
  }, [language, course, t]);
  if (course === null)
    return (
      <main className="audience audience-waiting" data-role="audience-waiting" aria-busy={stage === null}>
        <h1 className="visually-hidden">{t('audience.title')}</h1>
        {stage !== null && <p>{t('audience.waiting')}</p>}
      </main>
    );
  return <AudienceStage key={course.handle} course={course} />;
}

/** Asks main for the lecture's latest state (the stage's copy may be older), then shows the stage. */
function AudienceStage({ course }: { course: UnlockedCourse }): ReactElement {
  const plenum = usePlenum();
  const [initial, setInitial] = useState<LectureState | null>(null);
  useEffect(() => {
    let live = true;
    void callApi(() => plenum.lecture.state({ handle: course.handle })).then((result) => {
      if (live) setInitial(result.ok ? result.value : course.lecture);
    });
    return () => {
      live = false;
    };
    // The stage's copy of the course is a new object with every stage event; the handle is what matters.
  }, [plenum, course.handle]);
  if (initial === null) return <main className="audience" aria-busy="true" />;
  return <AudienceFilm course={course} initial={initial} />;
}

function AudienceFilm({ course, initial }: { course: UnlockedCourse; initial: LectureState }): ReactElement {
  const { t } = useTranslation();
  const lecture = useLecture(course.handle, initial);
  const { state, send } = lecture;
  const settings = useSettings();
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(stage);
  const startAt = useRef(startPosition(course.manifest.chapters, initial));
  const { phase } = state;
  const chapter = 'chapter' in phase ? course.manifest.chapters[phase.chapter] : undefined;
  const subtitleLanguage = settings.settings?.subtitles ?? null;
  // No toggleKeys: the room's screen shows no lists of keys; the presenter's window has them.
  useLectureKeys(
    {
      send: (command) => void send(command),
      previous: () => {
        const element = video.current;
        void send(
          element !== null && chapter !== undefined && phase.kind !== 'discussing'
            ? { type: 'previous', nearStart: isNearChapterStart(element.currentTime, chapter.start) }
            : { type: 'previous' },
        );
      },
      toggleFullscreen: fullscreen.toggle,
      leaveFullscreen: fullscreen.leave,
      toggleSubtitles: () => {
        const first = course.manifest.subtitles[0]?.language ?? null;
        void settings.update(() => ({ subtitles: subtitleLanguage === null ? first : null }));
      },
    },
    { blank: state.blank, keysOpen: false },
  );
  return (
    <main className="audience" data-role="audience" aria-label={t('audience.title')}>
      <h1 className="visually-hidden">{course.manifest.title}</h1>
      <FilmStage
        course={course}
        lecture={lecture}
        interactive={false}
        startAt={startAt.current}
        video={video}
        stage={stage}
      />
    </main>
  );
}
