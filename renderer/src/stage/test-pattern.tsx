import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomTranslator } from '../i18n/use-room-translator';
import type { TestToneState } from './use-test-tone';

/** Props of {@link TestPattern}. */
export interface TestPatternProps {
  /** The course's title, large, so the room sees the right course is loaded; null before any is open. */
  courseTitle: string | null;
  /** The course's language (what the room reads); undefined: the window's own. */
  language: string | undefined;
  /** The number of the display the stage is on (as the room check counts them); null when unknown. */
  displayNumber: number | null;
  tone: TestToneState;
  /** Shown as a button only where the pattern covers the lecturer's own controls (no audience window). */
  onClose?: () => void;
}

/** Full-intensity bars in the order of the common broadcast pattern: each primary and mix is told apart. */
const BARS = ['#ffffff', '#ffff00', '#00ffff', '#00ff00', '#ff00ff', '#ff0000', '#0000ff', '#000000'];
/** Eleven grey steps from black to white: on a washed-out projector the darkest ones merge. */
const GREYS = Array.from({ length: 11 }, (_, step) => Math.round((step * 255) / 10));

/** The window's size in device pixels, followed as it changes (the projector's real resolution shows). */
function useDevicePixels(): { width: number; height: number } {
  const read = (): { width: number; height: number } => ({
    width: Math.round(window.innerWidth * window.devicePixelRatio),
    height: Math.round(window.innerHeight * window.devicePixelRatio),
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const update = (): void => setSize(read());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return size;
}

/**
 * The room check's test pattern, sized to the viewport: colour bars, a grid with a circle (round on screen
 * means the aspect is right), grey steps, an arrow in each corner (all four seen means nothing is cut off),
 * and, large, the display number and the course's title, with the picture's size in pixels.
 */
export function TestPattern({
  courseTitle,
  language,
  displayNumber,
  tone,
  onClose,
}: TestPatternProps): ReactElement {
  const { t: lecturer } = useTranslation('room');
  const { t } = useRoomTranslator(language);
  const size = useDevicePixels();
  return (
    <section className="test-pattern" data-role="test-pattern" aria-label={t('room:pattern.label')}>
      <div className="test-pattern-bars" aria-hidden="true">
        {BARS.map((colour) => (
          <span key={colour} style={{ background: colour }} />
        ))}
      </div>
      <div className="test-pattern-circle" aria-hidden="true" />
      {(['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const).map((corner) => (
        <span key={corner} className={`test-pattern-corner ${corner}`} aria-hidden="true" />
      ))}
      <div className="test-pattern-text">
        {displayNumber !== null && (
          <p className="test-pattern-number" data-role="test-pattern-display">
            {t('room:pattern.display', { number: displayNumber })}
          </p>
        )}
        {courseTitle !== null && <p className="test-pattern-title">{courseTitle}</p>}
        <p className="test-pattern-size" data-role="test-pattern-size">
          {t('room:pattern.size', size)}
        </p>
        <p className="test-pattern-edges">{t('room:pattern.edges')}</p>
        {tone === 'sounding' && (
          <p className="test-pattern-tone" data-role="test-tone-playing">
            {t('room:pattern.tone')}
          </p>
        )}
        {tone === 'blocked' && (
          <p className="test-pattern-tone" data-role="test-tone-blocked">
            {t('room:pattern.toneBlocked')}
          </p>
        )}
      </div>
      <div className="test-pattern-greys" aria-hidden="true">
        {GREYS.map((grey) => (
          <span key={grey} style={{ background: `rgb(${grey} ${grey} ${grey})` }} />
        ))}
      </div>
      {onClose !== undefined && (
        <button
          type="button"
          className="button test-pattern-off"
          data-role="test-pattern-off"
          onClick={onClose}
        >
          {lecturer('pattern.off')}
        </button>
      )}
    </section>
  );
}
