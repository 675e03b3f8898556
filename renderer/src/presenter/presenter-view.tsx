import { useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, AudiencePresence, UnlockedCourse } from '../../../src/common/ipc/contract';
import { lectureCourseOf } from '../../../src/common/lecture/lecture-course';
import { promptKeysOf } from '../../../src/common/lecture/lecture-keys';
import {
  chapterAfter,
  lectureRoute,
  plannedMinutes,
  routeChapters,
} from '../../../src/common/lecture/lecture-route';
import type { LecturePhase } from '../../../src/common/lecture/lecture-state';
import { phaseChapter } from '../../../src/common/lecture/phase-chapter';
import type { SessionState } from '../../../src/common/session/session-state';
import { usePlayhead } from '../api/use-plenum-state';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { withAddedMinutes } from '../../../src/common/lecture/phase-timer';
import { DiscussionTimer } from '../film/discussion-timer';
import { ChapterGrid } from '../film/chapter-grid';
import { KeysOverlay } from '../film/keys-overlay';
import { LecturerPanel } from '../film/lecturer-panel';
import { useFullscreen } from '../film/use-fullscreen';
import { useLeaveSession, useLecture } from '../film/use-lecture';
import { useLectureKeys } from '../film/use-lecture-keys';
import { useSettings } from '../settings/use-settings';
import { FilmStage } from '../stage/film-stage';
import { startPosition } from '../stage/start-position';
import { AudienceControl } from './audience-control';
import { ChapterNotes } from './chapter-notes';
import { ConsoleNotice } from './console-notice';
import { CoverControls } from './cover-controls';
import { NextUp } from './next-up';
import { RoomMirror } from './room-mirror';
import { ClassBoard } from './class-board';
import { ChapterCountdown } from './chapter-countdown';
import { ChapterTimeline } from './chapter-timeline';
import { openAudiencePage } from './open-audience-page';
import { PresenterPrompts } from './presenter-prompts';
import { RehearsalTimings } from './rehearsal-timings';
import { RoomCheckButton } from './room-check-button';
import { SessionClock } from './session-clock';
import { SessionControls } from './session-controls';
import { LeadStatus } from './lead-status';
import { PlanProgressPanel } from './plan-progress-panel';
import { usePrivateNotes } from './use-private-notes';
import { useStagePreviewSize } from './use-stage-preview-size';

/** Props of {@link PresenterView}. */
export interface PresenterViewProps {
  course: UnlockedCourse;
  /** The running session, as main holds it. */
  session: SessionState;
  /** Whether an audience window shows the stage (else this window shows it as a preview). */
  audience: AudiencePresence;
  /** Called as the session is left for the overview (main then shows no session). */
  onLeave(): void;
}

/** The chapter the presenter's side is about: the one under way, the one a break follows, or the next one. */
function focusChapter(phase: LecturePhase, planned: readonly number[]): number {
  return phaseChapter(phase) ?? (phase.kind === 'finished' ? planned.at(-1) : planned[0]) ?? 0;
}

/**
 * The lecturer's window, PowerPoint's presenter view built on a film's timeline: what the room sees now and
 * what comes next, the controls, the timeline, every prompt with "show on screen", tips and solution ideas,
 * the discussion timer against the plan, the session clock, and private notes. When an audience window shows
 * the stage, this window shows a still of the chapter instead of a second film; when none does (one screen,
 * a rehearsal at home, the projector unplugged), it holds the stage itself as a live preview, and F puts
 * that preview full screen and back.
 */
export function PresenterView({ course, session, audience, onLeave }: PresenterViewProps): ReactElement {
  const { t } = useTranslation();
  const plenum = usePlenum();
  const { manifest } = course;
  const lecture = useLecture(session);
  const leaveSession = useLeaveSession();
  const mode = session.kind;
  const { state, send, failure } = lecture;
  const settings = useSettings();
  const notes = usePrivateNotes(manifest.id);
  const position = usePlayhead();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [keysOpen, setKeysOpen] = useState(false);
  const [chaptersOpen, setChaptersOpen] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stageElement = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(stageElement);
  const previewBox = useRef<HTMLDivElement>(null);
  const preview = useStagePreviewSize(previewBox);
  const panelId = useId();
  useEffect(() => {
    let live = true;
    void callApi(() => plenum.app.info({})).then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, [plenum]);

  const route = useMemo(() => lectureRoute(lectureCourseOf(manifest), state.plan), [manifest, state.plan]);
  const planned = useMemo(() => routeChapters(route), [route]);
  const { phase } = state;
  const focus = focusChapter(phase, planned);
  const chapter = manifest.chapters[focus];
  const following = phase.kind === 'ready' ? (planned[0] ?? null) : chapterAfter(route, focus);
  const nextChapter =
    phase.kind === 'finished' || following === null ? undefined : manifest.chapters[following];
  // The film is decoded in exactly one window: the audience window when one shows the stage, else here.
  const audiencePresent = audience.kind === 'present';
  const audienceHere = !audiencePresent;

  const subtitleLanguage = settings.settings?.subtitles ?? null;
  useLectureKeys(
    {
      send: (command) => void send(command),
      // Only the preview goes full screen: that is the audience view on this laptop's screen.
      toggleFullscreen: () => {
        if (audienceHere) fullscreen.toggle();
      },
      leaveFullscreen: fullscreen.leave,
      toggleSubtitles: () => {
        const first = manifest.subtitles[0]?.language ?? null;
        void settings.update(() => ({ subtitles: subtitleLanguage === null ? first : null }));
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

  const [noSecondDisplay, setNoSecondDisplay] = useState(false);
  const openAudience = (): void => {
    if (info?.audienceWindow !== 'native') {
      openAudiencePage();
      return;
    }
    void callApi(() => plenum.stage.audience({ show: true })).then((result) => {
      // Main places the window only on a second display; with none it says so here (and opens it there
      // as soon as a projector is plugged in).
      setNoSecondDisplay(result.ok && result.value.kind === 'absent');
    });
  };
  const closeAudience = (): void => void callApi(() => plenum.stage.audience({ show: false }));

  const phaseText = ((): string => {
    const title = (index: number): string => manifest.chapters[index]?.title ?? '';
    switch (phase.kind) {
      case 'ready':
        return t('presenter.phase.ready');
      case 'playing':
        return t('presenter.phase.playing', { number: phase.chapter + 1, title: title(phase.chapter) });
      case 'paused':
        return t('presenter.phase.paused', { number: phase.chapter + 1, title: title(phase.chapter) });
      case 'discussing':
        return t('presenter.phase.discussing', { number: phase.chapter + 1, title: title(phase.chapter) });
      case 'break':
        return t('presenter.phase.break', { minutes: phase.minutes });
      case 'finished':
        return t('presenter.phase.finished');
    }
  })();
  const playLabel = ((): string => {
    switch (phase.kind) {
      case 'playing':
        return t('film.pause');
      case 'discussing':
      case 'break':
        return t('film.continue');
      case 'ready':
      case 'paused':
      case 'finished':
        return t('film.play');
    }
  })();

  return (
    <main className="presenter" data-role="presenter" data-mode={mode} aria-label={t('presenter.label')}>
      <header className="presenter-bar">
        <div className="presenter-bar-top">
          <h1>
            {manifest.title}
            {mode === 'rehearsal' && <span className="badge">{t('presenter.rehearsalBadge')}</span>}
          </h1>
          <SessionClock
            session={session}
            chapters={manifest.chapters}
            position={position}
            onPause={(paused) => void send({ type: paused ? 'pause-clock' : 'resume-clock' })}
          />
        </div>
        <div className="presenter-bar-tools">
          {info !== null && (
            <AudienceControl
              audience={audience}
              kind={info.audienceWindow}
              onOpen={openAudience}
              onClose={closeAudience}
            />
          )}
          <p className="hint" data-role="audience-hint" aria-live="polite">
            {noSecondDisplay && !audiencePresent ? t('presenter.audience.noSecondDisplay') : ''}
          </p>
          <button type="button" className="button" data-role="keys-toggle" onClick={() => setKeysOpen(true)}>
            {t('film.keys.open')}
          </button>
          <RoomCheckButton />
          <button
            type="button"
            className="button"
            data-role="leave"
            onClick={() => {
              onLeave();
              void leaveSession();
            }}
          >
            {t('film.toOverview')}
          </button>
          <SessionControls course={course} session={session} />
        </div>
      </header>
      <div className="presenter-body">
        <section className="presenter-now" aria-label={t('presenter.nowLabel')}>
          <p className="presenter-phase" data-role="phase" data-phase={phase.kind} aria-live="polite">
            {phaseText}
          </p>
          <LeadStatus
            chapters={manifest.chapters}
            plan={state.plan}
            phase={phase}
            next={nextChapter === undefined ? null : following}
          />
          {phase.kind === 'finished' && (settings.settings?.evaluationUrl ?? null) === null && (
            <p className="hint" data-role="evaluation-hint">
              {t('presenter.evaluationHint')}
            </p>
          )}
          <div className="console-actions">
            <div className="presenter-controls" role="group" aria-label={t('presenter.controlsLabel')}>
              <button
                type="button"
                className="button large"
                data-role="back"
                // Before the film there is nothing to go back to.
                disabled={phase.kind === 'ready'}
                onClick={() => void send({ type: 'previous' })}
              >
                {t('presenter.back')}
              </button>
              <button
                type="button"
                className="button primary large"
                data-role="play-pause"
                onClick={() =>
                  void send(phase.kind === 'finished' ? { type: 'restart' } : { type: 'toggle-play' })
                }
              >
                {playLabel}
              </button>
              {/* Next skips the rest of a chapter; in a discussion, a break or before the start it would only
                  do what the button beside it says ("Fortsett", "Spill av"), so it shows while a chapter runs. */}
              {(phase.kind === 'playing' || phase.kind === 'paused') && (
                <button
                  type="button"
                  className="button large"
                  data-role="next"
                  onClick={() => void send({ type: 'next' })}
                >
                  {t('presenter.forward')}
                </button>
              )}
            </div>
            <CoverControls cover={state.blank} send={(command) => void send(command)} />
          </div>
          {phase.kind === 'discussing' && (
            <DiscussionTimer
              timer={phase}
              minutes={withAddedMinutes(
                plannedMinutes(route, phase.chapter) ?? chapter?.minutes,
                phase.addedMinutes,
              )}
              onCommand={(command) => void send({ type: command })}
            />
          )}
          {phase.kind === 'break' && (
            <DiscussionTimer
              timer={phase}
              minutes={phase.minutes}
              label={t('presenter.breakTimer')}
              onCommand={(command) => void send({ type: command })}
            />
          )}
          <ChapterTimeline
            chapters={manifest.chapters}
            planned={new Set(planned)}
            current={'chapter' in phase ? phase.chapter : -1}
            position={position}
            duration={manifest.film.duration}
            onGoTo={(index) => void send({ type: 'go-to-chapter', chapter: index })}
          />
          <div className="timeline-extras">
            {(phase.kind === 'playing' || phase.kind === 'paused') && chapter !== undefined && (
              <ChapterCountdown chapter={chapter} position={position} />
            )}
            <button
              type="button"
              className="button small"
              data-role="chapter-grid-open"
              onClick={() => setChaptersOpen(true)}
            >
              {t('film.chapters.open')} (O)
            </button>
          </div>
          <div className="now-next">
            <section className="now-next-now" aria-label={t('presenter.mirror.label')}>
              <h2 className="now-next-heading">{t('presenter.mirror.label')}</h2>
              {audienceHere ? (
                <div className="presenter-preview" data-role="preview">
                  <div
                    className="preview-box"
                    ref={previewBox}
                    style={{ height: preview.height * preview.scale }}
                  >
                    <div
                      className="preview-scaled"
                      style={{
                        width: preview.width,
                        height: preview.height,
                        transform: `scale(${preview.scale})`,
                      }}
                    >
                      <FilmStage
                        course={course}
                        lecture={lecture}
                        board={session.board}
                        interactive={false}
                        // Read when the preview mounts: where the room was (an audience window just closed, say).
                        startAt={startPosition(manifest.chapters, state, position)}
                        video={video}
                        stage={stageElement}
                      />
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button"
                    data-role="preview-fullscreen"
                    onClick={fullscreen.toggle}
                  >
                    {t('presenter.preview.fullscreen')}
                  </button>
                </div>
              ) : (
                <RoomMirror course={course} lecture={state} board={session.board} position={position} />
              )}
            </section>
            <section className="now-next-next" aria-label={t('presenter.nextLabel')}>
              <h2 className="now-next-heading">{t('presenter.nextLabel')}</h2>
              <NextUp
                next={
                  nextChapter === undefined || following === null
                    ? null
                    : { chapter: nextChapter, index: following }
                }
                mediaBase={course.mediaBase}
              />
            </section>
          </div>
          <FailureAlert failure={failure} />
        </section>
        <div className="presenter-side">
          {phase.kind === 'ready' && manifest.notice !== undefined && (
            <ConsoleNotice
              notice={manifest.notice}
              shown={state.notice}
              onShow={(shown) => void send({ type: shown ? 'show-notice' : 'hide-notice' })}
            />
          )}
          {chapter !== undefined && (
            <PresenterPrompts
              chapter={chapter}
              discussing={phase.kind === 'discussing' && phase.chapter === focus}
              promptIndex={phase.kind === 'discussing' ? phase.promptIndex : 0}
              promptMode={state.promptMode}
              onShow={(index) => {
                if (state.promptMode === 'all') void send({ type: 'set-prompt-mode', mode: 'one' });
                void send({ type: 'show-prompt', promptIndex: index });
              }}
              onShowAll={(all) => void send({ type: 'set-prompt-mode', mode: all ? 'all' : 'one' })}
            />
          )}
          <PlanProgressPanel manifest={manifest} session={session} position={position} send={send} />
          {chapter !== undefined && (
            <ClassBoard
              key={chapter.id}
              chapter={chapter}
              entries={session.board[chapter.id]}
              shown={state.board}
              onShow={(shown) => void send({ type: shown ? 'show-board' : 'hide-board' })}
            />
          )}
          {mode === 'rehearsal' && <RehearsalTimings course={course} session={session} />}
          <LecturerPanel
            id={panelId}
            chapter={chapter}
            chapterIndex={focus}
            people={manifest.people}
            lecture={state}
            onCommand={(command) => void send(command)}
          >
            {chapter !== undefined && <ChapterNotes chapter={chapter} notes={notes} />}
          </LecturerPanel>
        </div>
      </div>
      {chaptersOpen && (
        <ChapterGrid
          chapters={manifest.chapters}
          planned={new Set(planned)}
          current={'chapter' in phase ? phase.chapter : -1}
          mediaBase={course.mediaBase}
          onGoTo={(index) => void send({ type: 'go-to-chapter', chapter: index })}
          onClose={() => setChaptersOpen(false)}
        />
      )}
      {keysOpen && <KeysOverlay onClose={() => setKeysOpen(false)} />}
    </main>
  );
}
