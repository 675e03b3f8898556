import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import { timerElapsedMs, type PhaseTimer } from '../../../src/common/lecture/phase-timer';
import { useNow } from '../app/use-now';
import { useRoomTranslator } from '../i18n/use-room-translator';
import { roomFitLevels } from './room-fit-levels';
import { useFitSteps } from './use-fit-steps';

/** A break card is one column of a few lines: only its type size steps (a long chapter title after it). */
const BREAK_LEVELS = roomFitLevels(['stack']);

/** Props of {@link BreakCard}. */
export interface BreakCardProps {
  /** The break's timer as main holds it (the lecturer may pause it) and how long the break is planned to last. */
  timer: PhaseTimer;
  minutes: number;
  /** The chapter the film goes on with, or null when the break ends the session. */
  nextTitle: string | null;
  /** False on the projector: the room sees no button. */
  interactive: boolean;
  onContinue(): void;
  /** The course's language, for what the room reads. */
  language: string;
}

/**
 * A planned break on the stage: when the class is due back (a wall-clock time people can remember when they
 * leave the room) and a countdown, then the chapter that follows.
 */
export function BreakCard({
  timer,
  minutes,
  nextTitle,
  interactive,
  onContinue,
  language,
}: BreakCardProps): ReactElement {
  const { t } = useTranslation();
  const { t: room, language: roomLanguage } = useRoomTranslator(language);
  const now = useNow();
  // A paused countdown stands still, and the time to be back moves on with the clock until it runs again.
  const leftMs = Math.max(0, minutes * 60_000 - timerElapsedMs(timer, now));
  const end = now + leftMs;
  const left = Math.ceil(leftMs / 1000);
  const back = new Intl.DateTimeFormat(roomLanguage, { hour: '2-digit', minute: '2-digit' }).format(end);
  const { boxRef, contentRef } = useFitSteps(BREAK_LEVELS, `${nextTitle ?? ''}|${left > 0}`);
  return (
    <section className="break-card room-fit" data-role="break" aria-labelledby="break-card-heading">
      <div className="room-fit-box" ref={boxRef} data-role="room-fit">
        <div className="room-fit-content" ref={contentRef}>
          <h2 id="break-card-heading">{room('stage.break.heading')}</h2>
          <p className="break-back">{room('stage.break.backAt', { time: back })}</p>
          <p className="break-left" data-role="break-left">
            {left > 0 ? room('stage.break.left', { time: formatTime(left) }) : room('stage.break.over')}
          </p>
          {nextTitle !== null && (
            <p className="break-next">{room('stage.break.next', { title: nextTitle })}</p>
          )}
        </div>
        <p className="room-fit-more" data-role="fit-more" lang={roomLanguage}>
          {room('stage.fit.more')}
        </p>
      </div>
      {interactive && (
        <div className="room-controls">
          <div className="discussion-actions">
            <button type="button" className="button primary large" data-role="continue" onClick={onContinue}>
              {t('film.continue')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
