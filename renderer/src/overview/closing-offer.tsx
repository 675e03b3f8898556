import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { usePlenumState } from '../api/use-plenum-state';
import { useFullscreen } from '../film/use-fullscreen';
import { EndCard } from '../stage/end-card';

/** Props of {@link ClosingOffer}. */
export interface ClosingOfferProps {
  course: UnlockedCourse;
}

/**
 * With one screen (a laptop mirrored to the projector, no audience window), ending the lecture brings the
 * lecturer back here, which the room then sees too. So the overview offers the room's end card for this
 * screen while main still holds it: full screen, closed with its button or Escape.
 */
export function ClosingOffer({ course }: ClosingOfferProps): ReactElement | null {
  const { t } = useTranslation();
  const state = usePlenumState();
  const [open, setOpen] = useState(false);
  const closing = state?.closing ?? null;
  if (state === null || closing?.handle !== course.handle || state.audience.kind === 'present') return null;
  return (
    <>
      <p className="closing-offer" data-role="closing-offer">
        {t('overview.closing.note')}{' '}
        <button type="button" className="button" data-role="show-end-card" onClick={() => setOpen(true)}>
          {t('overview.closing.show')}
        </button>
      </p>
      {open && (
        <EndScreen
          courseTitle={closing.courseTitle}
          evaluationUrl={state.settings.evaluationUrl}
          closingMessage={state.settings.closingMessage}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** The end card over the whole window (and full screen when the browser allows), with one way back. */
function EndScreen({
  courseTitle,
  evaluationUrl,
  closingMessage,
  onClose,
}: {
  courseTitle: string;
  evaluationUrl: string | null;
  closingMessage: string | null;
  onClose(): void;
}): ReactElement {
  const { t } = useTranslation();
  const screen = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const fullscreen = useFullscreen(screen);
  const { toggle, leave } = fullscreen;
  useEffect(() => {
    closeButton.current?.focus();
    // Full screen is a wish: a browser that refuses still shows the card over the whole window.
    toggle();
    return leave;
  }, [toggle, leave]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      className="end-screen"
      ref={screen}
      role="dialog"
      aria-modal="true"
      aria-label={t('overview.closing.dialogLabel')}
      data-role="end-screen"
    >
      <div className="film-stage">
        <EndCard
          courseTitle={courseTitle}
          evaluationUrl={evaluationUrl}
          closingMessage={closingMessage}
          reason="ended"
        />
      </div>
      <button
        type="button"
        className="button dark end-screen-close"
        data-role="end-card-close"
        ref={closeButton}
        onClick={onClose}
      >
        {t('overview.closing.close')}
      </button>
    </div>
  );
}
