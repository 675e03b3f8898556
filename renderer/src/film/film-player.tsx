import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { promptKeysOf } from '../../../src/common/lecture/lecture-keys';
import { lectureRoute, plannedMinutes, routeChapters } from '../../../src/common/lecture/lecture-route';
import type { SessionState } from '../../../src/common/session/session-state';
import { usePlayhead } from '../api/use-plenum-state';
import { FailureAlert } from '../app/failure-alert';
import { useSettings } from '../settings/use-settings';
import { FilmStage } from '../stage/film-stage';
import { startPosition } from '../stage/start-position';
import { withAddedMinutes } from '../../../src/common/lecture/phase-timer';
import { DiscussionTimer } from './discussion-timer';
import { ChapterGrid } from './chapter-grid';
import { KeysOverlay } from './keys-overlay';
import { LecturerPanel } from './lecturer-panel';
import { SubtitlePicker } from './subtitle-picker';
import { useFullscreen } from './use-fullscreen';
import { useLeaveSession, useLecture } from './use-lecture';
import { useLectureKeys } from './use-lecture-keys';

/** Props of {@link FilmPlayer}. */
export interface FilmPlayerProps {
  course: UnlockedCourse;
  /** The running session, as main holds it. */
  session: SessionState;
  /** Called as the session is left for the overview (main then shows no session). */
  onLeave(): void;
}

/**
 * The film on a dark, projector-friendly screen. Main holds the lecture state; this screen sends it the
 * player's reports ('chapter-ended') and the lecturer's commands, and makes the `<video>` follow whatever
 * state comes back or is broadcast: play, stand still, or show the discussion view. Around it: the
 * course's notice, the keys, the blank screen, subtitles, the discussion timer and the lecturer's panel.
 */
export function FilmPlayer({ course, session, onLeave }: FilmPlayerProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const { manifest } = course;
  const lecture = useLecture(session);
  const leaveSession = useLeaveSession();
  const { state, send, failure } = lecture;
  const settings = useSettings();
  const playhead = usePlayhead();
  // Read when the player opens: where the session stood (a reload, or the view switched).
  const [startAt] = useState(() => startPosition(manifest.chapters, state, playhead));
  const fullscreen = useFullscreen(stage);
  const [keysOpen, setKeysOpen] = useState(false);
  const [chaptersOpen, setChaptersOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const { phase } = state;
  const chapterIndex = 'chapter' in phase ? phase.chapter : -1;
  const chapter = manifest.chapters[chapterIndex];
  const route = useMemo(() => lectureRoute(lectureCourseOf(manifest), state.plan), [manifest, state.plan]);

  const subtitleLanguage = settings.settings?.subtitles ?? null;
  // The language the subtitles key turns back on; read only by that key's handler.
  const lastLanguage = useRef<string | null>(null);
  useEffect(() => {
    if (subtitleLanguage !== null) lastLanguage.current = subtitleLanguage;
  }, [subtitleLanguage]);
  const { update: updateSettings } = settings;
  const setSubtitles = useCallback(
    (language: string | null) => void updateSettings(() => ({ subtitles: language })),
    [updateSettings],
  );

  useLectureKeys(
    {
      send: (command) => void send(command),
      toggleFullscreen: fullscreen.toggle,
      leaveFullscreen: fullscreen.leave,
      toggleSubtitles: () => {
        const first = manifest.subtitles[0]?.language ?? null;
        setSubtitles(subtitleLanguage === null ? (lastLanguage.current ?? first) : null);
      },
      toggleKeys: () => setKeysOpen((open) => !open),
      toggleChapters: () => setChaptersOpen((open) => !open),
    },
    {
      blank: state.blank !== null,
      board: state.board,
      keysOpen,
      prompts: promptKeysOf(state, lectureCourseOf(manifest)),
    },
  );

  const leave = async (): Promise<void> => {
    onLeave();
    await leaveSession();
  };

  const chapterLabel =
    chapter === undefined
      ? manifest.title
      : t('film.chapter', {
          number: chapterIndex + 1,
          count: manifest.chapters.length,
          title: chapter.title,
        });
  return (
    <main className="film-screen" aria-label={t('film.label')}>
      <h1 className="visually-hidden">{manifest.title}</h1>
      <div className="film-body">
        <FilmStage
          course={course}
          lecture={lecture}
          board={session.board}
          interactive
          startAt={startAt}
          video={video}
          stage={stage}
        >
          {keysOpen && <KeysOverlay onClose={() => setKeysOpen(false)} />}
        </FilmStage>
        {panelOpen && (
          <LecturerPanel
            id={panelId}
            chapter={chapter}
            chapterIndex={chapterIndex}
            people={manifest.people}
            lecture={state}
            onCommand={(command) => void send(command)}
          />
        )}
      </div>
      <div className="film-bar">
        <p className="film-chapter" data-role="chapter-title" aria-live="polite">
          {chapterLabel}
        </p>
        {phase.kind === 'discussing' && (
          <DiscussionTimer
            timer={phase}
            minutes={withAddedMinutes(
              plannedMinutes(route, phase.chapter) ?? chapter?.minutes,
              phase.addedMinutes,
            )}
          />
        )}
        <div className="film-controls">
          {(phase.kind === 'playing' || phase.kind === 'paused') && (
            <button type="button" className="button dark" onClick={() => void send({ type: 'toggle-play' })}>
              {phase.kind === 'playing' ? t('film.pause') : t('film.play')}
            </button>
          )}
          <SubtitlePicker
            subtitles={manifest.subtitles}
            language={subtitleLanguage}
            onChange={setSubtitles}
          />
          <button
            type="button"
            className="button dark"
            data-role="panel-toggle"
            aria-expanded={panelOpen}
            aria-controls={panelId}
            onClick={() => setPanelOpen((open) => !open)}
          >
            {t('film.panel.toggle')}
          </button>
          <button type="button" className="button dark" data-role="fullscreen" onClick={fullscreen.toggle}>
            {fullscreen.active ? t('film.fullscreenLeave') : t('film.fullscreen')}
          </button>
          <button
            type="button"
            className="button dark"
            data-role="keys-toggle"
            onClick={() => setKeysOpen(true)}
          >
            {t('film.keys.open')}
          </button>
          <button type="button" className="button dark" data-role="leave" onClick={() => void leave()}>
            {t('film.toOverview')}
          </button>
        </div>
      </div>
      {chaptersOpen && (
        <ChapterGrid
          chapters={manifest.chapters}
          planned={new Set(routeChapters(route))}
          current={chapterIndex}
          mediaBase={course.mediaBase}
          onGoTo={(index) => void send({ type: 'go-to-chapter', chapter: index })}
          onClose={() => setChaptersOpen(false)}
        />
      )}
      <FailureAlert failure={failure} />
    </main>
  );
}
