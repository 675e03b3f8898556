import { useEffect, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { usePlenumState } from '../api/use-plenum-state';
import { TestPattern } from './test-pattern';
import { useTestTone } from './use-test-tone';

/** The element that is full screen now, else the body: the only place an overlay can be seen. */
function useOverlayHost(): HTMLElement {
  const [host, setHost] = useState<HTMLElement>(
    () => (document.fullscreenElement as HTMLElement | null) ?? document.body,
  );
  useEffect(() => {
    const update = (): void => setHost((document.fullscreenElement as HTMLElement | null) ?? document.body);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return host;
}

/** Props of {@link RoomCheckLayer}. */
export interface RoomCheckLayerProps {
  /** This window is the audience window (`?view=audience`), which always holds the stage. */
  audienceView: boolean;
}

/**
 * The room check's test pattern and tone in whichever window holds the stage: the audience window, or the
 * lecturer's own window while there is none (one screen, or a projector the system mirrors: then the room
 * sees exactly this). Over everything else, whatever screen is showing (no lecture is needed: this is before
 * class), and over a full-screen stage too. Main holds the state, so a reloaded window shows it again.
 */
export function RoomCheckLayer({ audienceView }: RoomCheckLayerProps): ReactElement | null {
  const plenum = usePlenum();
  const { t } = useTranslation('room');
  const state = usePlenumState();
  const host = useOverlayHost();
  const holdsStage = state !== null && (audienceView || state.audience.kind === 'absent');
  const tone = useTestTone(state === null ? undefined : state.roomCheck.toneAt, holdsStage);
  const pattern = holdsStage && state.roomCheck.pattern;
  const closeHere = !audienceView;
  const turnOff = (): void => void callApi(() => plenum.room.pattern({ on: false }));
  useEffect(() => {
    if (!pattern || !closeHere) return;
    // The pattern covers the lecturer's controls here, so Escape takes it away as well as its button.
    // Caught before the page's own keys (capture), which would otherwise spend it on leaving full screen.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      void callApi(() => plenum.room.pattern({ on: false }));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [pattern, closeHere, plenum]);
  if (state === null) return null;
  if (pattern) {
    const course =
      state.courses.find((open) => open.handle === state.session?.handle) ?? state.courses.at(-1) ?? null;
    return createPortal(
      <TestPattern
        courseTitle={course?.manifest.title ?? null}
        language={course?.manifest.language}
        displayNumber={state.roomCheck.displayNumber}
        tone={tone}
        {...(closeHere ? { onClose: turnOff } : {})}
      />,
      host,
    );
  }
  if (tone === 'idle' || !holdsStage) return null;
  // A tone without the pattern: a small note, so the lecturer knows which window is sounding (or silent).
  return createPortal(
    <p
      className="test-tone-note"
      data-role={tone === 'sounding' ? 'test-tone-playing' : 'test-tone-blocked'}
      role="status"
    >
      {tone === 'sounding' ? t('panel.toneSounding') : t('pattern.toneBlocked')}
    </p>,
    host,
  );
}
