import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { SessionBoard } from '../../../src/common/session/session-state';
import { chapterAfter, lectureRoute } from '../../../src/common/lecture/lecture-route';
import { isWithinChapter, stillFrameTime } from '../film/chapter-stop';
import { DiscussionView } from '../film/discussion-view';
import { NoticeCard } from '../film/notice-card';
import { useHlsFilm } from '../film/use-hls-film';
import { useSpanStop } from '../film/use-span-stop';
import type { Lecture } from '../film/use-lecture';
import { useSettings } from '../settings/use-settings';
import { BoardView } from './board-view';
import { BreakCard } from './break-card';
import { roomViewOf } from '../../../src/common/lecture/room-view';
import { EndCard } from './end-card';
import { HoldingCard } from './holding-card';
import { ReadyActions } from './ready-actions';
import { RoomCover } from './room-cover';
import { LinkView } from './link-view';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { usePositionReport } from './use-position-report';
import { stageSpan } from './stage-span';

/** Props of {@link FilmStage}. */
export interface FilmStageProps {
  course: UnlockedCourse;
  lecture: Lecture;
  /** The session's class board, shown over the discussion while the lecture says so. */
  board: SessionBoard;
  /**
   * Whether people operate this stage with a pointer (the buttons on the notice and the discussion view).
   * False on the projector and in the presenter's preview, where the presenter's own controls do it.
   */
  interactive: boolean;
  /** Where the film starts (seconds); read once, when the stage opens. */
  startAt: number;
  video: RefObject<HTMLVideoElement | null>;
  stage: RefObject<HTMLDivElement | null>;
  /** Shown on the stage above everything but the blank screen (the keys overlay). */
  children?: ReactNode;
}

/**
 * What the room sees: the film and whatever stands in its place (the notice, a discussion, a break, the end,
 * a blank screen), following main's lecture state. There is one stage per lecture at a time, in the audience
 * window or, when there is none, in the lecturer's own window, so the film is decoded once. The stage stops
 * the film at each chapter end and reports the playhead to main, which keeps it with the session.
 */
export function FilmStage({
  course,
  lecture,
  board,
  interactive,
  startAt,
  // Named as a ref here so React's compiler rules know that setting the element's playhead is no prop mutation.
  video: videoRef,
  stage,
  children,
}: FilmStageProps): ReactElement {
  const { t } = useTranslation();
  const { manifest } = course;
  const { state, send } = lecture;
  const settings = useSettings();
  // useHlsFilm reads startAt once, for the first load; later positions come from the lecture state below.
  const problem = useHlsFilm(videoRef, `${course.mediaBase}${manifest.film.entry}`, startAt);
  const { phase } = state;
  const chapterIndex = 'chapter' in phase ? phase.chapter : -1;
  const chapter = manifest.chapters[chapterIndex];
  const route = useMemo(() => lectureRoute(lectureCourseOf(manifest), state.plan), [manifest, state.plan]);
  // The span the film is watched in: the chapter playing, or a statement replayed (over any phase).
  const watched = stageSpan(manifest.chapters, state);
  usePositionReport(videoRef);

  // The <video> follows the lecture state. On mount the film is already loading at the right place
  // (startAt), so only later states seek.
  const mounted = useRef(false);
  // An effect event: it sees this render's phase, chapter and callbacks, yet only a new revision runs it.
  const followLecture = useEffectEvent((firstRun: boolean): void => {
    const element = videoRef.current;
    if (element === null) return;
    if (state.replay !== null) {
      // A replay plays its statement from the start, whatever the phase; the span watcher below stops it.
      const { chapter: replayChapter, statement } = state.replay;
      const ended = (): void => void send({ type: 'replay-ended', chapter: replayChapter, statement });
      if (watched?.kind !== 'statement') {
        ended();
        return;
      }
      element.currentTime = watched.span.start;
      // Refused (autoplay rules) or failed: the replay is over, so the room's screen goes back to the phase.
      element.play().catch(ended);
      return;
    }
    switch (phase.kind) {
      case 'playing':
        if (!firstRun && chapter !== undefined && !isWithinChapter(element.currentTime, chapter)) {
          element.currentTime = chapter.start;
        }
        if (state.blank === null) {
          // A refused play() (autoplay rules) leaves the film paused; the lecturer's Play is still there.
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
      case 'break':
      case 'ready':
      case 'finished':
        element.pause();
        return;
    }
  });
  useEffect(() => {
    const firstRun = !mounted.current;
    mounted.current = true;
    followLecture(firstRun);
    // Only a new state moves the film (keyed on its revision); other re-renders must not seek.
  }, [state.revision]);

  // Declared after followLecture's effect: the film is sent into a new span before the watcher arms.
  const onSpanEnded = (at: number): void => {
    if (watched === null) return;
    void send(
      watched.kind === 'chapter'
        ? { type: 'chapter-ended', chapter: watched.chapter, at }
        : { type: 'replay-ended', chapter: watched.chapter, statement: watched.statement },
    );
  };
  useSpanStop(videoRef, watched?.span ?? null, onSpanEnded);

  // Subtitles: the chosen language's track shows, every other is off (the setting is shared by all windows).
  const subtitleLanguage = settings.settings?.subtitles ?? null;
  useEffect(() => {
    const element = videoRef.current;
    if (element === null) return;
    for (const track of Array.from(element.textTracks)) {
      if (track.kind !== 'subtitles') continue;
      track.mode = track.language === subtitleLanguage ? 'showing' : 'disabled';
    }
  }, [videoRef, subtitleLanguage]);

  const chapterLabel =
    chapter === undefined
      ? manifest.title
      : t('film.chapter', {
          number: chapterIndex + 1,
          count: manifest.chapters.length,
          title: chapter.title,
        });
  const view = roomViewOf(state, manifest.notice !== undefined);
  /** The room's view in front of the film; a cover is drawn last, over the children (the keys list) too. */
  function roomLayer(): ReactNode {
    const viewChapter = 'chapter' in view ? manifest.chapters[view.chapter] : undefined;
    switch (view.kind) {
      case 'cover':
      case 'replay':
      case 'film':
        return null;
      case 'notice':
        return manifest.notice === undefined ? null : (
          <NoticeCard
            notice={manifest.notice}
            interactive={interactive}
            onStart={() => void send({ type: 'play' })}
          />
        );
      case 'holding':
        // The notice is the lecturer's to read; the room sees the course title until the film or the
        // notice is chosen.
        return (
          <HoldingCard courseTitle={manifest.title} language={manifest.language}>
            {interactive && (
              <ReadyActions
                hasNotice={manifest.notice !== undefined}
                onStart={() => void send({ type: 'play' })}
                onShowNotice={() => void send({ type: 'show-notice' })}
              />
            )}
          </HoldingCard>
        );
      case 'link':
        return <LinkView course={manifest} shown={view} />;
      case 'board':
        return viewChapter === undefined ? null : (
          <BoardView
            chapter={viewChapter}
            entries={board[viewChapter.id] ?? []}
            language={manifest.language}
          />
        );
      case 'discussion':
        return viewChapter === undefined ? null : (
          <DiscussionView
            chapter={viewChapter}
            promptIndex={view.promptIndex}
            promptMode={state.promptMode}
            people={manifest.people}
            interactive={interactive}
            onContinue={() => void send({ type: 'next' })}
            onShowPrompt={(promptIndex) => void send({ type: 'show-prompt', promptIndex })}
            onPromptMode={(mode) => void send({ type: 'set-prompt-mode', mode })}
            language={manifest.language}
          />
        );
      case 'break': {
        const following = chapterAfter(route, view.after);
        return (
          <BreakCard
            timer={view}
            minutes={view.minutes}
            nextTitle={following === null ? null : (manifest.chapters[following]?.title ?? null)}
            interactive={interactive}
            onContinue={() => void send({ type: 'next' })}
            language={manifest.language}
          />
        );
      }
      case 'end':
        return (
          <EndCard
            courseTitle={manifest.title}
            evaluationUrl={settings.settings?.evaluationUrl ?? null}
            closingMessage={settings.settings?.closingMessage ?? null}
            reason="finished"
            language={manifest.language}
          />
        );
    }
  }
  return (
    <div className="film-stage" ref={stage} data-role="stage" data-phase={phase.kind}>
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the timed text is the course's own: one
          <track kind="subtitles"> per language it ships (the course format makes them optional), made by the
          map below, which the rule cannot see into; there is no caption file to add here. */}
      <video
        ref={videoRef}
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
      {/* What stands in front of the film, as main's state says (the console's mirror reads the same). */}
      {roomLayer()}
      {children}
      {view.kind === 'cover' && (
        <RoomCover screen={view.screen} courseTitle={manifest.title} language={manifest.language} />
      )}
      {problem !== null && (
        <p role="alert" className="alert film-alert">
          {problem.kind === 'not-supported'
            ? t('film.notSupported')
            : t('film.playbackFailed', { detail: problem.detail })}
        </p>
      )}
    </div>
  );
}
