import { useCallback, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../../src/common/course/manifest';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureCommand, LectureState } from '../../../src/common/lecture/lecture-state';
import { FailureAlert } from '../app/failure-alert';
import { useSettings } from '../settings/use-settings';
import { isTextEntry } from './is-text-entry';
import { isWithinChapter, stillFrameTime } from './chapter-stop';
import { DiscussionTimer } from './discussion-timer';
import { DiscussionView } from './discussion-view';
import { KeysOverlay } from './keys-overlay';
import { LecturerPanel } from './lecturer-panel';
import { isNearChapterStart, lectureKeyAction, type LectureKeyAction } from './lecture-keys';
import { NoticeCard } from './notice-card';
import type { PromptMode } from './prompt-paging';
import { SubtitlePicker } from './subtitle-picker';
import { useChapterStop, type PlayingChapter } from './use-chapter-stop';
import { useFullscreen } from './use-fullscreen';
import { useHlsFilm } from './use-hls-film';
import { useLecture } from './use-lecture';
import { usePositionSaver } from './use-position-saver';
import { useStatementReplay } from './use-statement-replay';

/** Props of {@link FilmPlayer}. */
export interface FilmPlayerProps {
  course: UnlockedCourse;
  /** Main's lecture state when the player opens (already started by the film screen). */
  initial: LectureState;
  /** Where the film starts when the lecture resumes a saved position, else null (the state decides). */
  resumeAt: number | null;
  onLeave(): void;
}

/** Where the film should start when this screen opens mid-lecture. */
function startPosition(course: UnlockedCourse, state: LectureState): number {
  const { phase } = state;
  if (phase.kind === 'ready' || phase.kind === 'finished') return course.manifest.chapters[0]?.start ?? 0;
  const chapter = course.manifest.chapters[phase.chapter];
  if (chapter === undefined) return 0;
  return phase.kind === 'discussing' ? stillFrameTime(chapter.end, chapter.start) : chapter.start;
}

/**
 * The film on a dark, projector-friendly screen. Main holds the lecture state; this screen sends it the
 * player's reports ('chapter-ended') and the lecturer's commands, and makes the `<video>` follow whatever
 * state comes back or is broadcast: play, stand still, or show the discussion view. Around it: the
 * course's notice, the keys, the blank screen, subtitles, the discussion timer and the lecturer's panel.
 */
export function FilmPlayer({ course, initial, resumeAt, onLeave }: FilmPlayerProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const { manifest } = course;
  const { state, send, failure } = useLecture(course.handle, initial);
  const settings = useSettings();
  const initialPosition = useRef(resumeAt ?? startPosition(course, initial));
  const problem = useHlsFilm(video, `${course.mediaBase}${manifest.film.entry}`, initialPosition.current);
  const fullscreen = useFullscreen(stage);
  const statementReplay = useStatementReplay(video);
  const [keysOpen, setKeysOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const { phase } = state;
  const chapterIndex = phase.kind === 'ready' || phase.kind === 'finished' ? -1 : phase.chapter;
  const chapter = manifest.chapters[chapterIndex];
  const promptMode: PromptMode = settings.settings?.promptMode ?? 'one';
  usePositionSaver(video, manifest.id, phase, settings);

  // The <video> follows the lecture state. On mount the film is already loading at the right place
  // (startPosition or the resumed position), so only later states seek.
  const mounted = useRef(false);
  const { cancel: cancelReplay } = statementReplay;
  useEffect(() => {
    const element = video.current;
    const firstRun = !mounted.current;
    mounted.current = true;
    // Any new lecture state ends a statement replay: the lecture has moved on.
    cancelReplay();
    if (element === null) return;
    switch (phase.kind) {
      case 'playing':
        if (!firstRun && chapter !== undefined && !isWithinChapter(element.currentTime, chapter)) {
          element.currentTime = chapter.start;
        }
        if (!state.blank) {
          // A refused play() (autoplay rules) leaves the film paused; the Play button is still there.
          element.play().catch(() => undefined);
        }
        return;
      case 'paused':
        element.pause();
        // Sent to the chapter's start (back, a digit), or the playhead is outside the chapter: seek.
        if (
          !firstRun &&
          chapter !== undefined &&
          (phase.atStart === true || !isWithinChapter(element.currentTime, chapter, 0))
        ) {
          element.currentTime = chapter.start;
        }
        return;
      case 'discussing':
        element.pause();
        if (!firstRun && chapter !== undefined && !isWithinChapter(element.currentTime, chapter, 0)) {
          element.currentTime = stillFrameTime(chapter.end, chapter.start);
        }
        return;
      case 'ready':
      case 'finished':
        element.pause();
        return;
    }
    // Only a new state moves the film (keyed on its revision); other re-renders must not seek.
  }, [state.revision]);

  const playing: PlayingChapter | null =
    phase.kind === 'playing' && chapter !== undefined
      ? { index: phase.chapter, start: chapter.start, end: chapter.end, pause: chapter.pause }
      : null;
  const onChapterEnded = useCallback(
    (index: number, at: number) => void send({ type: 'chapter-ended', chapter: index, at }),
    [send],
  );
  useChapterStop(video, playing, onChapterEnded);

  // Subtitles: the chosen language's track shows, every other is off.
  const subtitleLanguage = settings.settings?.subtitles ?? null;
  const lastLanguage = useRef<string | null>(null);
  if (subtitleLanguage !== null) lastLanguage.current = subtitleLanguage;
  useEffect(() => {
    const element = video.current;
    if (element === null) return;
    for (const track of Array.from(element.textTracks)) {
      if (track.kind !== 'subtitles') continue;
      track.mode = track.language === subtitleLanguage ? 'showing' : 'disabled';
    }
  }, [subtitleLanguage]);
  const setSubtitles = useCallback(
    (language: string | null) => void settings.update(() => ({ subtitles: language })),
    [settings.update],
  );

  const previous = useCallback((): void => {
    const element = video.current;
    const command: LectureCommand =
      element !== null && chapter !== undefined && phase.kind !== 'discussing'
        ? { type: 'previous', nearStart: isNearChapterStart(element.currentTime, chapter.start) }
        : { type: 'previous' };
    void send(command);
  }, [send, chapter, phase.kind]);

  // Keys run through the pure mapping; the latest render's handlers are read through a ref, so the
  // listener stays registered once.
  const perform = useRef<(action: LectureKeyAction) => void>(() => undefined);
  perform.current = (action: LectureKeyAction): void => {
    switch (action.kind) {
      case 'command':
        void send(action.command);
        return;
      case 'previous':
        previous();
        return;
      case 'unblank':
        void send({ type: 'unblank' });
        return;
      case 'toggle-fullscreen':
        fullscreen.toggle();
        return;
      case 'leave-fullscreen':
        fullscreen.leave();
        return;
      case 'toggle-subtitles': {
        const first = manifest.subtitles[0]?.language ?? null;
        setSubtitles(subtitleLanguage === null ? (lastLanguage.current ?? first) : null);
        return;
      }
      case 'toggle-keys':
        setKeysOpen((open) => !open);
        return;
    }
  };
  const context = useRef({ blank: state.blank, keysOpen });
  context.current = { blank: state.blank, keysOpen };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const action = lectureKeyAction(event, context.current);
      if (action === null) return;
      event.preventDefault();
      perform.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onReplay = (statement: Statement): void => {
    void (async () => {
      // A replay stands outside the lecture: the film must not be "playing" a chapter meanwhile.
      if (phase.kind === 'playing') await send({ type: 'pause' });
      statementReplay.replay(statement);
    })();
  };

  const chapterLabel =
    chapter === undefined
      ? manifest.title
      : t('film.chapter', {
          number: chapterIndex + 1,
          count: manifest.chapters.length,
          title: chapter.title,
        });
  const showDiscussion =
    phase.kind === 'discussing' && chapter !== undefined && statementReplay.replaying === null;
  return (
    <main className="film-screen" aria-label={t('film.label')}>
      <h1 className="visually-hidden">{manifest.title}</h1>
      <div className="film-body">
        <div className="film-stage" ref={stage}>
          <video
            ref={video}
            className="film"
            data-role="film"
            playsInline
            preload="auto"
            aria-label={chapterLabel}
          >
            {manifest.subtitles.map((subtitle) => (
              <track
                key={subtitle.language}
                kind="subtitles"
                srcLang={subtitle.language}
                label={subtitle.label}
                src={`${course.mediaBase}${subtitle.entry}`}
              />
            ))}
          </video>
          {phase.kind === 'ready' && manifest.notice !== undefined && (
            <NoticeCard notice={manifest.notice} onStart={() => void send({ type: 'play' })} />
          )}
          {showDiscussion && (
            <DiscussionView
              chapter={chapter}
              promptIndex={phase.promptIndex}
              promptMode={promptMode}
              people={manifest.people}
              onContinue={() => void send({ type: 'next' })}
              onShowPrompt={(promptIndex) => void send({ type: 'show-prompt', promptIndex })}
              onPromptMode={(mode) => void settings.update(() => ({ promptMode: mode }))}
            />
          )}
          {phase.kind === 'finished' && (
            <section className="film-finished" data-role="finished">
              <h2>{t('film.finished')}</h2>
            </section>
          )}
          {keysOpen && <KeysOverlay onClose={() => setKeysOpen(false)} />}
          {state.blank && (
            <div className="blank" data-role="blank">
              <p className="visually-hidden">{t('film.blanked')}</p>
            </div>
          )}
        </div>
        {panelOpen && (
          <LecturerPanel id={panelId} chapter={chapter} people={manifest.people} onReplay={onReplay} />
        )}
      </div>
      <div className="film-bar">
        <p className="film-chapter" data-role="chapter-title" aria-live="polite">
          {chapterLabel}
        </p>
        {phase.kind === 'discussing' && (
          <DiscussionTimer key={phase.since} since={phase.since} minutes={chapter?.minutes} />
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
          <button type="button" className="button dark" data-role="leave" onClick={onLeave}>
            {t('film.toOverview')}
          </button>
        </div>
      </div>
      {problem !== null && (
        <p role="alert" className="alert film-alert">
          {problem.kind === 'not-supported'
            ? t('film.notSupported')
            : t('film.playbackFailed', { detail: problem.detail })}
        </p>
      )}
      <FailureAlert failure={failure} />
    </main>
  );
}
