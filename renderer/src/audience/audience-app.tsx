import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { promptKeysOf } from '../../../src/common/lecture/lecture-keys';
import type { SessionState } from '../../../src/common/session/session-state';
import { usePlayhead, usePlenumState } from '../api/use-plenum-state';
import { useAppLanguage } from '../app/use-app-language';
import { useFullscreen } from '../film/use-fullscreen';
import { useLecture } from '../film/use-lecture';
import { useLectureKeys } from '../film/use-lecture-keys';
import { useSettings } from '../settings/use-settings';
import { EndCard } from '../stage/end-card';
import { FilmStage } from '../stage/film-stage';
import { startPosition } from '../stage/start-position';

/**
 * The audience window (`?view=audience`): only what the room sees, full window, no buttons. It shows the
 * session main has on stage and follows it; opened again after being closed, or reloaded, it reads main's
 * state and carries on from there. Clicker keys work here too, since the clicker's keys go to whichever
 * window has focus.
 */
export function AudienceApp(): ReactElement {
  const { t } = useTranslation();
  const state = usePlenumState();
  const language = useAppLanguage();
  const session = state?.session ?? null;
  const course =
    session === null ? null : (state?.courses.find((open) => open.handle === session.handle) ?? null);
  useEffect(() => {
    document.title =
      course === null ? t('audience.title') : `${course.manifest.title} – ${t('audience.title')}`;
  }, [language, course, t]);
  // The lecture just ended: the room keeps its end card (thanks, the evaluation) until anything else begins.
  const closing = session === null ? (state?.closing ?? null) : null;
  if (closing !== null && state !== null)
    return (
      <main className="audience" data-role="audience-closing">
        <h1 className="visually-hidden">{t('audience.title')}</h1>
        <div className="film-stage">
          <EndCard
            courseTitle={closing.courseTitle}
            evaluationUrl={state.settings.evaluationUrl}
            closingMessage={state.settings.closingMessage}
            reason="ended"
            language={state.courses.find((open) => open.handle === closing.handle)?.manifest.language}
          />
        </div>
      </main>
    );
  if (session === null || course === null)
    return (
      <main className="audience audience-waiting" data-role="audience-waiting" aria-busy={state === null}>
        <h1 className="visually-hidden">{t('audience.title')}</h1>
        {state !== null && <p>{t('audience.waiting')}</p>}
      </main>
    );
  return <AudienceFilm key={session.id} course={course} session={session} />;
}

function AudienceFilm({ course, session }: { course: UnlockedCourse; session: SessionState }): ReactElement {
  const { t } = useTranslation();
  const lecture = useLecture(session);
  const { state, send } = lecture;
  const settings = useSettings();
  const playhead = usePlayhead();
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(stage);
  // Read once, when the stage opens: where the room was.
  const [startAt] = useState(() => startPosition(course.manifest.chapters, state, playhead));
  const subtitleLanguage = settings.settings?.subtitles ?? null;
  // No toggleKeys: the room's screen shows no lists of keys; the presenter's window has them.
  useLectureKeys(
    {
      send: (command) => void send(command),
      toggleFullscreen: fullscreen.toggle,
      leaveFullscreen: fullscreen.leave,
      toggleSubtitles: () => {
        const first = course.manifest.subtitles[0]?.language ?? null;
        void settings.update(() => ({ subtitles: subtitleLanguage === null ? first : null }));
      },
    },
    {
      blank: state.blank !== null,
      board: state.board,
      keysOpen: false,
      prompts: promptKeysOf(state, lectureCourseOf(course.manifest)),
    },
  );
  return (
    <main className="audience" data-role="audience" aria-label={t('audience.title')}>
      <h1 className="visually-hidden">{course.manifest.title}</h1>
      <FilmStage
        course={course}
        lecture={lecture}
        board={session.board}
        interactive={false}
        startAt={startAt}
        video={video}
        stage={stage}
      />
    </main>
  );
}
