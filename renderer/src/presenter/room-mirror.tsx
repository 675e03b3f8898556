import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { formatTime } from '../../../src/common/course/time';
import type { LectureState } from '../../../src/common/lecture/lecture-state';
import { timerElapsedMs } from '../../../src/common/lecture/phase-timer';
import { roomViewOf, type RoomView } from '../../../src/common/lecture/room-view';
import type { SessionBoard } from '../../../src/common/session/session-state';
import { usePlenumState } from '../api/use-plenum-state';
import { useNow } from '../app/use-now';
import { promptPage } from '../film/prompt-paging';
import { LinkQr } from '../film/link-qr';

/** Props of {@link RoomMirror}. */
export interface RoomMirrorProps {
  course: UnlockedCourse;
  lecture: LectureState;
  board: SessionBoard;
  /** The playhead (s). */
  position: number;
}

/**
 * "Now on screen": a small picture of what the room sees, drawn from the session state main holds (the same
 * {@link roomViewOf} the stage follows), so it changes the moment the room's screen does. While the film
 * plays it shows the chapter's still and the playhead: the film is decoded in the audience window only,
 * never a second time here.
 */
export function RoomMirror({ course, lecture, board, position }: RoomMirrorProps): ReactElement {
  const { t } = useTranslation();
  const { manifest } = course;
  // The room check's test pattern lies over the stage while it is on (main holds it beside the session).
  const pattern = usePlenumState()?.roomCheck.pattern === true;
  const view = roomViewOf(lecture, manifest.notice !== undefined);
  if (pattern)
    return (
      <figure className="room-mirror" data-role="room-mirror" data-view="test-pattern">
        <div className="room-mirror-screen room-mirror-pattern" aria-hidden="true" />
        <figcaption className="room-mirror-caption" data-role="room-mirror-caption">
          {t('presenter.mirror.view.test-pattern')}
        </figcaption>
      </figure>
    );
  return (
    <figure className="room-mirror" data-role="room-mirror" data-view={view.kind}>
      <div className="room-mirror-screen" data-screen={view.kind === 'cover' ? view.screen : undefined}>
        <MirrorContent view={view} course={course} lecture={lecture} board={board} position={position} />
      </div>
      <figcaption className="room-mirror-caption" data-role="room-mirror-caption">
        {t(`presenter.mirror.view.${view.kind === 'cover' ? `cover-${view.screen}` : view.kind}`)}
      </figcaption>
    </figure>
  );
}

function MirrorContent({
  view,
  course,
  lecture,
  board,
  position,
}: RoomMirrorProps & { view: RoomView }): ReactElement | null {
  const { t } = useTranslation();
  const { manifest } = course;
  const chapters = manifest.chapters;
  switch (view.kind) {
    case 'cover':
      return view.screen === 'holding' ? <p className="room-mirror-title">{manifest.title}</p> : null;
    case 'holding':
    case 'end':
      return <p className="room-mirror-title">{manifest.title}</p>;
    case 'notice':
      return <p className="room-mirror-text">{t('presenter.mirror.notice')}</p>;
    case 'break':
      return <BreakMirror view={view} />;
    case 'link': {
      const link = chapters[view.chapter]?.links[view.link];
      return link === undefined ? null : (
        <div className="room-mirror-link">
          <LinkQr url={link.url} label={link.label} />
          <p className="room-mirror-text">{link.label}</p>
        </div>
      );
    }
    case 'board': {
      const chapter = chapters[view.chapter];
      const entries = chapter === undefined ? [] : (board[chapter.id] ?? []);
      return (
        <div className="room-mirror-lines">
          <p className="room-mirror-title">{t('presenter.board.heading')}</p>
          {entries.slice(-4).map((entry, index) => (
            <p key={index} className="room-mirror-text">
              {entry}
            </p>
          ))}
        </div>
      );
    }
    case 'discussion': {
      const chapter = chapters[view.chapter];
      if (chapter === undefined) return null;
      const page = promptPage(chapter.prompts.length, view.promptIndex, lecture.promptMode);
      return (
        <div className="room-mirror-lines">
          <p className="room-mirror-title">{chapter.title}</p>
          {page.shown.map((index) => (
            <p key={index} className="room-mirror-text" data-role="mirror-prompt" data-prompt-index={index}>
              {chapter.prompts[index]}
            </p>
          ))}
        </div>
      );
    }
    case 'replay':
    case 'film': {
      const chapter = chapters[view.chapter];
      if (chapter === undefined) return null;
      const statement = view.kind === 'replay' ? chapter.statements[view.statement] : undefined;
      return (
        <div className="presenter-still" data-role="still-frame">
          {chapter.still !== undefined ? (
            <img
              data-role="still"
              src={`${course.mediaBase}${chapter.still}`}
              alt={t('presenter.still.alt', { title: chapter.title })}
            />
          ) : (
            <div className="still-placeholder" aria-hidden="true">
              {chapter.title}
            </div>
          )}
          <p className="room-mirror-position" data-role="mirror-position">
            {statement !== undefined
              ? t('presenter.mirror.replaying', { label: statement.label })
              : `${formatTime(Math.max(0, Math.floor(position)))} · ${chapter.title}`}
          </p>
        </div>
      );
    }
  }
}

function BreakMirror({ view }: { view: Extract<RoomView, { kind: 'break' }> }): ReactElement {
  const { t } = useTranslation();
  const now = useNow();
  const left = Math.max(0, Math.ceil((view.minutes * 60_000 - timerElapsedMs(view, now)) / 1000));
  return <p className="room-mirror-title">{t('presenter.mirror.breakLeft', { time: formatTime(left) })}</p>;
}
