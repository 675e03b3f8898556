import { useCallback, useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { FailureAlert } from '../app/failure-alert';
import { isTextEntry } from './is-text-entry';
import { isWithinChapter, stillFrameTime } from './chapter-stop';
import { DiscussionView } from './discussion-view';
import { lectureKeyCommand } from './lecture-keys';
import { useChapterStop, type PlayingChapter } from './use-chapter-stop';
import { useHlsFilm } from './use-hls-film';
import { useLecture } from './use-lecture';

/** Props of {@link FilmPlayer}. */
export interface FilmPlayerProps {
  course: UnlockedCourse;
  /** Main's lecture state when the player opens (already started by the film screen). */
  initial: LectureState;
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
 * state comes back or is broadcast: play, stand still, or show the discussion view.
 *
 * TODO(lecture mode): prompt choice, previous/blank keys, subtitles and the presenter window.
 */
export function FilmPlayer({ course, initial, onLeave }: FilmPlayerProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const { manifest } = course;
  const { state, send, failure } = useLecture(course.handle, initial);
  const initialPosition = useRef(startPosition(course, initial));
  const problem = useHlsFilm(video, `${course.mediaBase}${manifest.film.entry}`, initialPosition.current);
  const { phase } = state;
  const chapterIndex = phase.kind === 'ready' || phase.kind === 'finished' ? -1 : phase.chapter;
  const chapter = manifest.chapters[chapterIndex];
  const previousPhase = useRef(phase);

  // The <video> follows the lecture state.
  useEffect(() => {
    const element = video.current;
    const before = previousPhase.current;
    previousPhase.current = phase;
    if (element === null) return;
    switch (phase.kind) {
      case 'playing':
        if (chapter !== undefined && !isWithinChapter(element.currentTime, chapter)) {
          element.currentTime = chapter.start;
        }
        if (!state.blank) {
          // A refused play() (autoplay rules) leaves the film paused; the Play button is still there.
          element.play().catch(() => undefined);
        }
        return;
      case 'paused':
        element.pause();
        // From a discussion, 'previous' means the start of the chapter just discussed.
        if (
          chapter !== undefined &&
          (!isWithinChapter(element.currentTime, chapter, 0) || before.kind === 'discussing')
        ) {
          element.currentTime = chapter.start;
        }
        return;
      case 'discussing':
        element.pause();
        if (chapter !== undefined && !isWithinChapter(element.currentTime, chapter, 0)) {
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      const command = lectureKeyCommand(event);
      if (command === null) return;
      event.preventDefault();
      void send(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

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
      <div className="film-stage">
        <video
          ref={video}
          className="film"
          data-role="film"
          playsInline
          preload="auto"
          aria-label={chapterLabel}
        />
        {phase.kind === 'discussing' && chapter !== undefined && (
          <DiscussionView
            chapter={chapter}
            promptIndex={phase.promptIndex}
            people={manifest.people}
            onContinue={() => void send({ type: 'next' })}
          />
        )}
        {phase.kind === 'finished' && (
          <section className="film-finished" data-role="finished">
            <h2>{t('film.finished')}</h2>
          </section>
        )}
        {state.blank && (
          <div className="blank" data-role="blank">
            <p className="visually-hidden">{t('film.blanked')}</p>
          </div>
        )}
      </div>
      <div className="film-bar">
        <p className="film-chapter" data-role="chapter-title" aria-live="polite">
          {chapterLabel}
        </p>
        <div className="film-controls">
          {(phase.kind === 'playing' || phase.kind === 'paused') && (
            <button type="button" className="button dark" onClick={() => void send({ type: 'toggle-play' })}>
              {phase.kind === 'playing' ? t('film.pause') : t('film.play')}
            </button>
          )}
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
